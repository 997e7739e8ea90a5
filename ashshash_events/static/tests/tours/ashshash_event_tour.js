/** @odoo-module **/

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("ashshash_event_report", {
    steps: () => [
        {
            content: "Record a new event",
            trigger: ".o-kanban-button-new",
            run: "click",
        },
        {
            content: "Type of event",
            trigger: ".o_field_widget[name=event_type_id] input",
            run: "edit puppet",
        },
        {
            content: "Pick the pot/puppet show",
            trigger: ".o_field_widget[name=event_type_id] .o-autocomplete--dropdown-menu li:contains(pot/puppet show)",
            run: "click",
        },
        {
            content: "The type proposes its audience",
            trigger: "div[name=audience_line_ids] td:contains(Community people)",
        },
        {
            content: "Title",
            trigger: ".o_field_widget[name=name] input",
            run: "edit Tour pot show at Koyla bazar",
        },
        {
            content: "Union",
            trigger: ".o_field_widget[name=area_id] input",
            run: "edit Koyla",
        },
        {
            content: "Pick Koyla",
            trigger: ".o_field_widget[name=area_id] .o-autocomplete--dropdown-menu li:contains(Koyla)",
            run: "click",
        },
        {
            content: "Women who attended",
            trigger: ".o_field_widget[name=attendance_women] input",
            run: "edit 30",
        },
        {
            content: "Men who attended",
            trigger: ".o_field_widget[name=attendance_men] input",
            run: "edit 20",
        },
        {
            content: "Save the event",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Mark it done",
            trigger: ".o_form_saved button[name=action_done]",
            run: "click",
        },
        {
            content: "Report it",
            trigger: ".o_form_saved button[name=action_report]",
            run: "click",
        },
        {
            content: "The event is reported",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(Reported)",
        },
    ],
});
