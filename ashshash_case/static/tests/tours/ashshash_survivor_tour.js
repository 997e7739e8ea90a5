/** @odoo-module **/

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("ashshash_survivor_enrol", {
    steps: () => [
        {
            content: "Register a new survivor",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Enter the survivor's name",
            trigger: ".o_field_widget[name=name] input",
            run: "edit Tour Survivor Rahima",
        },
        {
            content: "Gender",
            trigger: ".o_field_widget[name=gender] select",
            run: 'select "female"',
        },
        {
            content: "Estimated age",
            trigger: ".o_field_widget[name=estimated_age] input",
            run: "edit 24",
        },
        {
            content: "Union",
            trigger: ".o_field_widget[name=area_id] input",
            run: "edit Jugikhali",
        },
        {
            content: "Pick Jugikhali",
            trigger: ".o_field_widget[name=area_id] .o-autocomplete--dropdown-menu li:contains(Jugikhali)",
            run: "click",
        },
        {
            content: "Identified through",
            trigger: ".o_field_widget[name=identification_source] select",
            run: 'select "self"',
        },
        {
            content: "Open the consents tab",
            trigger: ".o_notebook .nav-link:contains(Consents)",
            run: "click",
        },
        {
            content: "Record a consent",
            trigger: "div[name=consent_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Consent to services",
            trigger: "div[name=consent_ids] .o_selected_row .o_field_widget[name=consent_type] select",
            run: 'select "services"',
        },
        {
            content: "Save the case file",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Enrol the survivor",
            trigger: ".o_form_saved button[name=action_enrol]",
            run: "click",
        },
        {
            content: "The survivor is enrolled",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(Enrolled)",
        },
    ],
});
