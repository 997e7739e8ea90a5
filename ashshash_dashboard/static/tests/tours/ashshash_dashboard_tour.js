import { registry } from "@web/core/registry";

// A manager opens ASHSHASH › Reporting › Dashboard: the spreadsheet loads with its
// headline figures and charts, without a loading error.
registry.category("web_tour.tours").add("ashshash_dashboard_tour", {
    steps: () => [
        {
            content: "The programme dashboard is open",
            trigger: ".o_spreadsheet_dashboard_action .o_dashboard_name:contains(Programme)",
        },
        {
            content: "Its figures and charts are drawn",
            trigger: ".o_spreadsheet_dashboard_action .o-spreadsheet .o-figure",
            run() {
                if (document.querySelector(".dashboard-loading-status.error")) {
                    throw new Error("The dashboard failed to load");
                }
                const figures = document.querySelectorAll(".o-spreadsheet .o-figure");
                if (figures.length < 4) {
                    throw new Error(`Expected the headline figures and charts, found ${figures.length} figures`);
                }
            },
        },
    ],
});
