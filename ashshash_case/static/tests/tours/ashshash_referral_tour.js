/** @odoo-module **/

import { registry } from "@web/core/registry";

// A case worker opens a survivor's referrals, refers her to a hospital and sends the referral.
registry.category("web_tour.tours").add("ashshash_referral_tour", {
    steps: () => [
        {
            content: "Open the survivor's referrals",
            trigger: "button[name=action_view_referrals]",
            run: "click",
        },
        {
            content: "New referral",
            trigger: "button.o_list_button_add",
            run: "click",
        },
        {
            content: "Choose the service",
            trigger: ".o_field_widget.o_field_many2one[name=service_type_id] input",
            run: "edit Health care",
        },
        {
            trigger: ".ui-autocomplete > li > a:contains('Health care')",
            run: "click",
        },
        {
            content: "Choose the provider from the directory",
            trigger: ".o_field_widget.o_field_many2one[name=provider_id] input",
            run: "edit Tour Hospital",
        },
        {
            trigger: ".ui-autocomplete > li > a:contains('Tour Hospital')",
            run: "click",
        },
        {
            content: "Send it",
            trigger: "button[name=action_send]",
            run: "click",
        },
        {
            content: "The referral is sent",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Sent')",
        },
    ],
});
