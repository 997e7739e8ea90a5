from datetime import timedelta

from odoo import api, fields, models

OPEN_STATES = ("enrolled", "assessed", "in_counselling", "counselling_completed", "reintegration")


class AshshashSurvivor(models.Model):
    _inherit = "ashshash.survivor"

    counselling_session_ids = fields.One2many(
        "ashshash.counselling.session", "survivor_id", string="Counselling sessions",
    )
    followup_ids = fields.One2many("ashshash.followup", "survivor_id", string="Follow-ups")
    certificate_ids = fields.One2many("ashshash.certificate", "survivor_id", string="Certificates")

    individual_session_count = fields.Integer(string="Individual sessions", compute="_compute_counselling_counts")
    family_session_count = fields.Integer(string="Family sessions", compute="_compute_counselling_counts")
    session_count = fields.Integer(string="Sessions", compute="_compute_counselling_counts")
    followup_count = fields.Integer(string="Number of follow-ups", compute="_compute_counselling_counts")
    certificate_count = fields.Integer(string="Number of certificates", compute="_compute_counselling_counts")
    first_session_date = fields.Date(compute="_compute_counselling_counts")
    last_session_date = fields.Date(compute="_compute_counselling_counts")
    who5_first = fields.Integer(string="WHO-5 first (%)", compute="_compute_who5_first_latest")
    who5_latest = fields.Integer(string="WHO-5 latest (%)", compute="_compute_who5_first_latest")
    who5_measure_count = fields.Integer(compute="_compute_who5_first_latest")

    last_contact_date = fields.Date(
        compute="_compute_last_contact_date", store=True, index=True,
        help="Latest done counselling session or follow-up.",
    )
    days_since_contact = fields.Integer(
        compute="_compute_days_since_contact",
        help="Days since the last contact, or since enrolment when there was none yet.",
    )
    at_risk_dropout = fields.Boolean(
        string="At risk of dropping out", readonly=True, copy=False, index=True, tracking=True,
        help="Set by the daily check when there was no contact for longer than the threshold in Settings.",
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    def _compute_counselling_counts(self):
        Session = self.env["ashshash.counselling.session"]
        by_type = {
            (survivor, session_type): (count, first, last)
            for survivor, session_type, count, first, last in Session._read_group(
                [("survivor_id", "in", self.ids), ("state", "=", "done")],
                ["survivor_id", "session_type"],
                ["__count", "session_date:min", "session_date:max"],
            )
        }
        all_counts = self._counts_by_survivor("ashshash.counselling.session")
        followups = self._counts_by_survivor("ashshash.followup")
        certificates = self._counts_by_survivor("ashshash.certificate")
        for survivor in self:
            individual = by_type.get((survivor, "individual"), (0, False, False))
            family = by_type.get((survivor, "family"), (0, False, False))
            survivor.individual_session_count = individual[0]
            survivor.family_session_count = family[0]
            survivor.session_count = all_counts.get(survivor, 0)
            survivor.followup_count = followups.get(survivor, 0)
            survivor.certificate_count = certificates.get(survivor, 0)
            dates = [d for d in (individual[1], individual[2], family[1], family[2]) if d]
            survivor.first_session_date = min(dates) if dates else False
            survivor.last_session_date = max(dates) if dates else False

    def _who5_measures(self):
        """WHO-5 measures per survivor, oldest first: {survivor id: [(date, percentage), ...]}
        from done sessions and follow-ups, in two queries for the whole recordset."""
        measures = {survivor_id: [] for survivor_id in self.ids}
        sessions = self.env["ashshash.counselling.session"].search_fetch(
            [("survivor_id", "in", self.ids), ("state", "=", "done"), ("who5_done", "=", True)],
            ["survivor_id", "session_date", "who5_percentage", "date"], order="date, id",
        )
        for session in sessions:
            measures[session.survivor_id.id].append((session.session_date, session.who5_percentage))
        followups = self.env["ashshash.followup"].search_fetch(
            [("survivor_id", "in", self.ids), ("who5_done", "=", True)],
            ["survivor_id", "date", "who5_percentage"], order="date, id",
        )
        for followup in followups:
            measures[followup.survivor_id.id].append((followup.date, followup.who5_percentage))
        for values in measures.values():
            values.sort(key=lambda measure: measure[0])  # stable: sessions before follow-ups on a day
        return measures

    def _compute_who5_first_latest(self):
        measures = self._who5_measures()
        for survivor in self:
            values = measures.get(survivor.id) or []
            survivor.who5_measure_count = len(values)
            survivor.who5_first = values[0][1] if values else 0
            survivor.who5_latest = values[-1][1] if values else 0

    @api.depends(
        "counselling_session_ids.state", "counselling_session_ids.session_date", "followup_ids.date",
    )
    def _compute_last_contact_date(self):
        for survivor in self:
            dates = survivor.counselling_session_ids.filtered(lambda s: s.state == "done").mapped("session_date")
            dates += survivor.followup_ids.mapped("date")
            survivor.last_contact_date = max(dates) if dates else False

    @api.depends("last_contact_date", "enrolment_date", "identification_date")
    def _compute_days_since_contact(self):
        today = fields.Date.context_today(self)
        for survivor in self:
            since = survivor.last_contact_date or survivor.enrolment_date or survivor.identification_date
            survivor.days_since_contact = (today - since).days if since else 0

    # ------------------------------------------------------------------
    # Completion rule
    # ------------------------------------------------------------------
    def _completion_settings(self):
        # sudo: settings (ir.config_parameter) are readable by administrators only; this reads one threshold.
        get = self.env["ir.config_parameter"].sudo().get_param
        return {
            "min_sessions": int(get("ashshash_case.certificate_min_sessions", 6)),
            "who5_required": bool(get("ashshash_case.certificate_who5_required")),
            "min_end_score": int(get("ashshash_case.certificate_min_end_score", 0)),
            "min_improvement": int(get("ashshash_case.certificate_min_improvement", 0)),
        }

    def _counselling_completion_gaps(self):
        """Every criterion of the completion rule (Settings) that this survivor
        does not meet yet, as sentences that say what to do; empty when met."""
        self.ensure_one()
        rule = self._completion_settings()
        gaps = []
        if self.state not in ("in_counselling", "counselling_completed", "reintegration"):
            gaps.append(self.env._(
                "The case is %(state)s: only a survivor in counselling can complete it.",
                state=dict(self._fields["state"]._description_selection(self.env))[self.state],
            ))
        if self.individual_session_count < rule["min_sessions"]:
            gaps.append(self.env._(
                "%(done)s done individual sessions, %(min)s required.",
                done=self.individual_session_count, min=rule["min_sessions"],
            ))
        measures = self._who5_measures()[self.id]
        if rule["who5_required"] or rule["min_end_score"] or rule["min_improvement"]:
            if not measures:
                gaps.append(self.env._("No WHO-5 recorded at the start of counselling."))
            last_session = self.last_session_date
            has_end = len(measures) > 1 and (not last_session or measures[-1][0] >= last_session)
            if not has_end:
                gaps.append(self.env._(
                    "No WHO-5 recorded at the end of counselling: take it at the last session "
                    "(on or after the last session, besides the one at the start)."
                ))
            if measures and has_end:
                first, latest = measures[0][1], measures[-1][1]
                if rule["min_end_score"] and latest < rule["min_end_score"]:
                    gaps.append(self.env._(
                        "WHO-5 at the end is %(score)s%%, at least %(min)s%% required.",
                        score=latest, min=rule["min_end_score"],
                    ))
                if rule["min_improvement"] and latest - first < rule["min_improvement"]:
                    gaps.append(self.env._(
                        "WHO-5 improved by %(gain)s points (from %(first)s%% to %(latest)s%%), "
                        "at least %(min)s points required.",
                        gain=latest - first, first=first, latest=latest, min=rule["min_improvement"],
                    ))
        return gaps

    def _counselling_summary(self):
        self.ensure_one()
        measures = self._who5_measures()[self.id]
        return {
            "session_count": self.individual_session_count,
            "family_session_count": self.family_session_count,
            "date_start": self.first_session_date,
            "date_end": self.last_session_date,
            "who5_start": measures[0][1] if measures else 0,
            "who5_end": measures[-1][1] if measures else 0,
        }

    # ------------------------------------------------------------------
    # Dropout early warning
    # ------------------------------------------------------------------
    def _clear_dropout_risk(self):
        """A new contact ends the risk: unflag and close the warning to-do."""
        flagged = self.filtered("at_risk_dropout")
        if not flagged:
            return
        flagged.write({"at_risk_dropout": False})
        activity_type = self.env.ref("ashshash_case.mail_activity_type_dropout_risk")
        flagged.activity_ids.filtered(lambda a: a.activity_type_id == activity_type).action_feedback(
            feedback=self.env._("Contact recorded."),
        )

    def _close_followup_activities(self):
        activity_type = self.env.ref("ashshash_case.mail_activity_type_followup_due")
        self.activity_ids.filtered(lambda a: a.activity_type_id == activity_type).action_feedback(
            feedback=self.env._("Follow-up recorded."),
        )

    @api.model
    def _cron_flag_dropout_risk(self):
        """Daily: flag open cases without contact for longer than the threshold and
        give their responsible case worker one to-do; running it again adds none."""
        # sudo: settings (ir.config_parameter) are readable by administrators only; this reads one threshold.
        threshold = int(self.env["ir.config_parameter"].sudo().get_param("ashshash_case.dropout_threshold_days", 60))
        limit = fields.Date.context_today(self) - timedelta(days=threshold)
        survivors = self.search([("state", "in", OPEN_STATES)])
        at_risk = survivors.filtered(
            lambda s: (s.last_contact_date or s.enrolment_date or s.identification_date) < limit
        )
        (survivors - at_risk).filtered("at_risk_dropout")._clear_dropout_risk()
        at_risk.filtered(lambda s: not s.at_risk_dropout).write({"at_risk_dropout": True})

        activity_type = self.env.ref("ashshash_case.mail_activity_type_dropout_risk")
        warned = set(self.env["mail.activity"].search([
            ("res_model", "=", self._name),
            ("res_id", "in", at_risk.ids),
            ("activity_type_id", "=", activity_type.id),
        ]).mapped("res_id"))
        for survivor in at_risk.filtered(lambda s: s.id not in warned):
            survivor.activity_schedule(
                activity_type_id=activity_type.id,
                user_id=(survivor.user_id or self.env.user).id,
                summary=self.env._("No contact for %(days)s days", days=survivor.days_since_contact),
                note=self.env._(
                    "%(code)s has had no session or follow-up since %(date)s. Contact the survivor and "
                    "record a follow-up.",
                    code=survivor.code,
                    date=survivor.last_contact_date or survivor.enrolment_date or survivor.identification_date,
                ),
            )
        return True

    # ------------------------------------------------------------------
    # Smart buttons
    # ------------------------------------------------------------------
    def action_view_counselling_sessions(self):
        return self._action_related("ashshash.counselling.session", self.env._("Counselling sessions"))

    def action_view_followups(self):
        return self._action_related("ashshash.followup", self.env._("Follow-ups"))

    def action_view_certificates(self):
        return self._action_related("ashshash.certificate", self.env._("Certificates"))
