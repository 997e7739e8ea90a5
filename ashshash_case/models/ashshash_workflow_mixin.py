from odoo import api, models
from odoo.exceptions import UserError


class AshshashWorkflowMixin(models.AbstractModel):
    """Fields that a record's workflow owns.

    A model lists, in ``_workflow_fields()``, the fields its actions set (the
    state, the dates and users they stamp, the pseudonymous code) and, in
    ``_frozen_fields()``, the fields fixed at creation (the parent of a child
    record). For every user but the superuser, ``create()`` refuses a workflow
    field that is not its default and ``write()`` refuses to change either kind
    — on every path that writes: the web client, JSON-RPC, import (``load()``)
    and server actions. The actions check their rule as the user, then write
    through ``_write_workflow()``, the one door past the guard. No context key
    opens it: any RPC client can send any context.
    """

    _name = "ashshash.workflow.mixin"
    _description = "Workflow-owned fields"

    @api.model
    def _workflow_fields(self):
        """{field name: what to do instead} of the fields only the actions write."""
        return {}

    @api.model
    def _workflow_filled_on_create(self):
        """Workflow fields the model's own ``create()`` fills and checks (a code from
        its sequence): the generic creation check leaves them to it."""
        return set()

    @api.model
    def _frozen_fields(self):
        """{field name: what to do instead} of the fields fixed once the record exists."""
        return {}

    @api.model
    def _workflow_number(self, vals_list, name, sequence_code, company_of=None):
        """Give field ``name`` of each new record its number from the sequence
        ``sequence_code`` (in the company ``company_of(vals)``, by default the
        current one). A number chosen by a client, anything but the field's
        placeholder, is refused like every workflow field (the superuser, loading
        data, may bring its own)."""
        placeholders = (None, False, "", "/", "New", self.env._("New"))
        for vals in vals_list:
            if vals.get(name) in placeholders:
                company = company_of(vals) if company_of else self.env.company
                vals[name] = self.env["ir.sequence"].with_company(company).next_by_code(sequence_code) or "/"
            elif not self.env.su:
                raise self._workflow_refusal(
                    self.env._("a new %(model)s", model=self._workflow_model_label()), name,
                    self._workflow_fields()[name],
                )

    def _write_workflow(self, vals):
        """Write ``vals`` from an action that has checked its rule: the user must
        still be allowed to write these records (access rights and record rules);
        the write itself passes the workflow guard. The author of the tracking
        messages stays the user (``sudo()`` keeps the uid)."""
        self.check_access("write")
        return self.sudo().write(vals)

    def _write_workflow_each(self, vals_of):
        """``_write_workflow`` with values of its own for each record, ``vals_of(record)``
        (a number, a date, a journal entry per record): one access check for all."""
        self.check_access("write")
        for record in self:
            record.sudo().write(vals_of(record))
        return True

    def _workflow_refusal(self, record, name, hint):
        field = self._fields[name]
        return UserError(self.env._(
            "%(field)s of %(record)s is set by its workflow, not by hand: %(hint)s",
            field=field._description_string(self.env), record=record, hint=hint,
        ))

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            owned = self._workflow_fields()
            owned = {name: hint for name, hint in owned.items() if name not in self._workflow_filled_on_create()}
            new = self.browse()
            # A default from the context (default_state=...) is a value the client chose: create()
            # would apply it after this check, so it is checked like a value given.
            context_defaults = {
                name: self.env.context[f"default_{name}"] for name in owned
                if f"default_{name}" in self.env.context
            }
            for vals in vals_list:
                given = {**context_defaults, **vals}
                for name in owned.keys() & given.keys():
                    # The field's own default, not the context's: a client chooses its context.
                    field = self._fields[name]
                    default = field.default(new) if field.default else False
                    if self._workflow_value(new, name, given[name]) != self._workflow_value(new, name, default):
                        raise self._workflow_refusal(
                            self.env._("a new %(model)s", model=self._workflow_model_label()), name, owned[name],
                        )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            guarded = {**self._frozen_fields(), **self._workflow_fields()}
            for name in guarded.keys() & vals.keys():
                for record in self:
                    before = self._workflow_value(record, name, record[name])
                    if self._workflow_value(record, name, vals[name]) != before:
                        raise self._workflow_refusal(record.display_name, name, guarded[name])
        return super().write(vals)

    @api.model
    def _workflow_value(self, record, name, value):
        """``value`` of field ``name`` (as written, or as read on ``record``) in one
        comparable form: x2many commands are applied to the record's current value."""
        field = self._fields[name]
        if isinstance(value, models.BaseModel):
            return frozenset(value.ids) if field.type in ("many2many", "one2many") else (value.id or False)
        value = field.convert_to_cache(value, record, validate=False)
        if field.type in ("many2many", "one2many"):
            return frozenset(value or ())
        return value or False

    @api.model
    def _workflow_model_label(self):
        return self.env["ir.model"]._get(self._name).name or self._description
