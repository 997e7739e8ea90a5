import { registry } from "@web/core/registry";

// A programme admin opens an indicator definition and sees how it is counted.
registry.category("web_tour.tours").add("ashshash_indicator_definition_tour", {
    steps: () => [
        {
            content: "Unfold the survivors section",
            trigger: ".o_list_view .o_group_header:contains(Survivors identified and assessed)",
            run: "click",
        },
        {
            content: "Open the enrolled survivors indicator",
            trigger: ".o_list_view .o_data_row td[name=code]:contains(SURV_ENROLLED)",
            run: "click",
        },
        {
            content: "The form shows the counted model",
            trigger: ".o_form_view .o_field_widget[name=model_id] input:value(Survivor case file)",
        },
        {
            content: "and the records that count, as a domain",
            trigger: ".o_form_view .o_field_widget[name=domain]",
        },
        {
            content: "Change the unit",
            trigger: ".o_form_view .o_field_widget[name=unit] input",
            run: "edit people",
        },
        {
            content: "Save",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_view .o_form_saved",
        },
    ],
});
