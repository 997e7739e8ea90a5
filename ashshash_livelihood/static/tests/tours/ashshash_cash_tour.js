/** @odoo-module **/

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("ashshash_cash_approve_and_pay", {
    steps: () => [
        {
            content: "Approve it",
            trigger: ".o_form_view button[name=action_approve]",
            run: "click",
        },
        {
            content: "Pay it",
            trigger: ".o_form_view button[name=action_pay]",
            run: "click",
        },
        {
            content: "Confirm the posting",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The journal entries are linked from the batch",
            trigger: ".o_form_view button[name=action_view_moves]:contains(Journal entries)",
        },
        {
            content: "The receipts can be imported",
            trigger: ".o_form_view button[name=action_import_receipts]",
        },
    ],
});
