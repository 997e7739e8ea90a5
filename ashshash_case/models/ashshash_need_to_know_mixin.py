from odoo import api, models
from odoo.osv import expression

from ..tools import SENSITIVE


class AshshashNeedToKnowMixin(models.AbstractModel):
    """The side doors of a case file: messages, attachments and activities.

    A chatter message, a file attached in the chatter (a passport scan) or a
    to-do on a case file, or on any record that names a survivor (consent,
    session, referral, support...), tells about the survivor as much as the
    restricted fields do. They are readable only by those who may read the
    case's restricted fields: a member of ``SENSITIVE`` who may read the
    survivor (the case workers on the case, case managers). M&E officers,
    finance and event officers keep the record itself (codes, figures) but
    neither its chatter, its attachments nor its activities.

    ``mail.message``, ``ir.attachment`` and ``mail.activity`` (models/mail_*.py,
    ir_attachment.py) ask every model inheriting this mixin for
    ``_need_to_know_domain()`` on every path: search, read, write, unlink,
    create, so that the web client, JSON-RPC and server code agree.
    """

    _name = "ashshash.need.to.know.mixin"
    _description = "Chatter, attachments and activities on a need-to-know basis"

    # The many2one to ashshash.survivor naming the survivor ("id" on the case file itself).
    _need_to_know_survivor_field = "survivor_id"
    # Fields of mail.thread / mail.activity.mixin that are not side doors: who follows
    # a record names staff, not the survivor.
    _need_to_know_open_fields = ("message_follower_ids", "message_partner_ids", "message_is_follower")

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        # Odoo joins messages and activities without their access rules when a domain
        # goes through them (auto_join): "cases whose chatter mentions this passport
        # number" would answer what the chatter says. Such a search finds only records
        # whose side doors the user may open.
        if not self.env.su and self._need_to_know_through_side_doors(domain):
            need_to_know = self._need_to_know_domain()
            if need_to_know is not None:
                domain = expression.AND([domain, need_to_know])
        return super()._search(domain, offset, limit, order)

    @api.model
    def _need_to_know_through_side_doors(self, domain):
        """Whether ``domain`` filters on messages, files or activities of the records."""
        for term in domain or ():
            if not isinstance(term, (list, tuple)) or len(term) != 3 or not isinstance(term[0], str):
                continue
            name = term[0].split(".", 1)[0]
            if name in self._need_to_know_open_fields:
                continue
            if name.startswith(("message_", "activity_", "website_message_", "my_activity_")) or name == "has_message":
                return True
        return False

    @api.model
    def _need_to_know_domain(self):
        """The domain on this model of the records whose messages, attachments and
        activities the current user may open; ``None`` when there is no restriction
        (the superuser). Records that name no survivor (a community session) are
        left to the usual rules."""
        if self.env.su:
            return None
        field = self._need_to_know_survivor_field
        no_survivor = expression.FALSE_DOMAIN if field == "id" else [(field, "=", False)]
        if not self.env.user.has_group(SENSITIVE):
            return no_survivor
        # The survivors this user may read (record rules: on the case, or a case manager).
        readable = self.env["ashshash.survivor"].with_context(active_test=False)._search([])
        return expression.OR([no_survivor, [(field, "in", readable)]])

    @api.model
    def _need_to_know_allowed_ids(self, ids):
        """The subset of ``ids`` (of this model) the current user may open the side doors of."""
        domain = self._need_to_know_domain()
        ids = {res_id for res_id in ids if res_id}
        if domain is None or not ids:
            return ids
        # sudo: the records' own rules are checked by the caller; this only narrows them.
        return set(self.sudo().with_context(active_test=False)._search(
            expression.AND([[("id", "in", list(ids))], domain]),
        ))

    @api.model
    def _need_to_know_models(self):
        """The names of the models whose side doors are need-to-know."""
        mixin = self.env.registry[self._name]
        return [name for name, model in self.env.registry.items()
                if issubclass(model, mixin) and not model._abstract and name != self._name]

    @api.model
    def _need_to_know_search_domain(self, model_field, res_id_field="res_id"):
        """A domain on a model of side doors (``model_field``/``res_id_field`` naming the
        record: mail.message, ir.attachment, mail.activity) that keeps only what the
        current user may open; ``None`` when there is nothing to narrow."""
        if self.env.su:
            return None
        names = self._need_to_know_models()
        clauses = [[(model_field, "not in", names)]]
        for name in names:
            Model = self.env[name]
            domain = Model._need_to_know_domain()
            if domain is None:
                return None
            if domain == expression.FALSE_DOMAIN:
                continue
            # sudo: a subquery of the records this user may open (record rules applied by the caller).
            allowed = Model.sudo().with_context(active_test=False)._search(domain)
            clauses.append([(model_field, "=", name), (res_id_field, "in", allowed)])
        return expression.OR(clauses)

    @api.model
    def _need_to_know_narrow(self, domain, model_field, res_id_field="res_id"):
        """``domain`` of a search on messages, attachments or activities, narrowed to
        what the current user may open (their own ``_search`` overrides call this)."""
        need_to_know = self._need_to_know_search_domain(model_field, res_id_field)
        return domain if need_to_know is None else expression.AND([need_to_know, domain])

    @api.model
    def _need_to_know_check_access(self, records, result, make_error):
        """Odoo 18's ``_check_access(operation)`` answer for ``records`` (messages,
        attachments, activities) with the need-to-know refusals added: ``result`` is the
        answer of the standard check (None or (forbidden, error factory));
        ``make_error(forbidden)`` builds the error for the records refused here."""
        rest = records - result[0] if result else records
        forbidden = self._need_to_know_forbidden_records(rest)
        if not forbidden:
            return result
        if result:
            return (result[0] + forbidden, result[1])
        return (forbidden, lambda: make_error(forbidden))

    @api.model
    def _need_to_know_forbidden(self, model_res_ids):
        """{model name: ids} -> the set of (model, id) pairs whose side doors the current
        user may not open."""
        if self.env.su:
            return set()
        names = set(self._need_to_know_models())
        forbidden = set()
        for name, res_ids in model_res_ids.items():
            if name not in names:
                continue
            allowed = self.env[name]._need_to_know_allowed_ids(res_ids)
            forbidden.update((name, res_id) for res_id in res_ids if res_id not in allowed)
        return forbidden

    @api.model
    def _need_to_know_forbidden_records(self, records, model_field="res_model", res_id_field="res_id"):
        """The subset of ``records`` (messages, attachments, activities: ``model_field`` and
        ``res_id_field`` name the record they are about) the current user may not open."""
        if self.env.su or not records:
            return records.browse()
        # sudo: which record each one is about; nothing else of them is read.
        records_sudo = records.sudo()
        model_res_ids = {}
        for record in records_sudo:
            if record[model_field] and record[res_id_field]:
                model_res_ids.setdefault(record[model_field], set()).add(record[res_id_field])
        denied = self._need_to_know_forbidden(model_res_ids)
        if not denied:
            return records.browse()
        return records_sudo.filtered(
            lambda record: (record[model_field], record[res_id_field]) in denied
        ).sudo(False)
