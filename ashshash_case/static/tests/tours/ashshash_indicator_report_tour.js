import { registry } from "@web/core/registry";

// A manager opens ASHSHASH › Reporting › Indicator report, computes it for the
// default period and drills down from SURV_ENROLLED to the survivors it counts.
registry.category("web_tour.tours").add("ashshash_indicator_report_tour", {
    steps: () => [
        {
            content: "Compute the report",
            trigger: ".o_form_view button[name=action_compute]",
            run: "click",
        },
        {
            content: "The enrolled survivors line shows a figure",
            trigger: ".o_field_widget[name=line_ids] .o_data_row:contains(SURV_ENROLLED) td[name=total]",
        },
        {
            content: "Open the survivors behind the figure",
            trigger: ".o_field_widget[name=line_ids] .o_data_row:contains(SURV_ENROLLED) button[name=action_drilldown]",
            run: "click",
        },
        {
            content: "The drill-down lists the survivors",
            trigger: ".o_breadcrumb:contains(SURV_ENROLLED)",
        },
        {
            content: "with survivor rows",
            trigger: ".o_list_view .o_data_row",
        },
    ],
});
