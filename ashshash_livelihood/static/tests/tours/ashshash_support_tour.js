/** @odoo-module **/

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("ashshash_support_deliver", {
    steps: () => [
        {
            content: "Record support",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Type the case code",
            // fill, not edit: clearing the empty field first would start a second
            // search whose list replaces the one clicked next.
            trigger: ".o_field_widget[name=survivor_id] input",
            run: "fill SV",
        },
        {
            content: "Pick the survivor of this case worker",
            trigger: ".o_field_widget[name=survivor_id] .o-autocomplete--dropdown-menu li:first-child a:contains(SV)",
            run: "click",
        },
        {
            content: "The survivor is chosen",
            trigger: ".o_field_widget[name=survivor_id] input:value(SV)",
        },
        {
            content: "Support type",
            trigger: ".o_field_widget[name=support_type_id] input",
            run: "edit Health care",
        },
        {
            content: "Pick health care",
            trigger: ".o_field_widget[name=support_type_id] .o-autocomplete--dropdown-menu li:contains(Health care)",
            run: "click",
        },
        {
            content: "Quantity",
            trigger: ".o_field_widget[name=quantity] input",
            run: "edit 2",
        },
        {
            content: "Unit value",
            trigger: ".o_field_widget[name=unit_value] input",
            run: "edit 750",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Deliver",
            trigger: ".o_form_saved button[name=action_deliver]",
            run: "click",
        },
        {
            content: "The support is delivered",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(Delivered)",
        },
    ],
});
