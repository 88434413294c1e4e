package edu.mlcourse.hw5.grader.insights.pages;

/**
 * What every page of a batch shares: escaping, the style sheet (screen and print) and the one
 * script, which sorts tables. Pages are self-contained: nothing is fetched, no framework.
 */
public final class Html {
    static final String STYLE = """
            body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
                   color: #1b1b1b; background: #fff; max-width: 72rem; margin: 2rem auto; padding: 0 1rem; }
            h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
            h2 { font-size: 1.15rem; margin: 2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 1px solid #d0d0d0; }
            h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
            p { margin: .4rem 0; }
            a { color: #1f5a99; }
            .muted { color: #555; font-size: .9rem; }
            .stats { display: grid; grid-template-columns: repeat(auto-fill, minmax(8.5rem, 1fr)); gap: .5rem; }
            .stat { border: 1px solid #d0d0d0; border-radius: 6px; padding: .4rem .6rem; }
            .stat span { display: block; color: #555; font-size: .8rem; }
            .stat b { font-size: 1.25rem; font-variant-numeric: tabular-nums; }
            table { border-collapse: collapse; width: 100%; }
            .wide { overflow-x: auto; }
            th, td { padding: .3rem .5rem; border-bottom: 1px solid #e2e2e2; text-align: left; vertical-align: top; }
            thead th { font-weight: 600; border-bottom: 2px solid #bbb; }
            tbody th { font-weight: 500; }
            .n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            th button { font: inherit; font-weight: 600; color: inherit; background: none; border: 0; padding: 0;
                        cursor: pointer; text-align: inherit; }
            th button::after { content: " \\2195"; color: #999; }
            th[aria-sort=ascending] button::after { content: " \\25B2"; color: #1b1b1b; }
            th[aria-sort=descending] button::after { content: " \\25BC"; color: #1b1b1b; }
            .state-graded { color: #1d6b2f; }
            .state-grader-failed { color: #a11; font-weight: 600; }
            .state-not-graded { color: #8a5a00; }
            .meter { display: inline-block; width: 6rem; height: .6rem; background: #e6e6e6; border-radius: 3px;
                     overflow: hidden; vertical-align: middle; margin-left: .4rem; }
            .meter span { display: block; height: 100%; background: #2d6cb0; }
            svg { max-width: 100%; height: auto; }
            svg text { font: 12px system-ui, sans-serif; fill: #333; }
            svg .bar { fill: #2d6cb0; }
            svg .axis { stroke: #777; stroke-width: 1; }
            pre, .error { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .85rem; }
            pre { white-space: pre-wrap; word-break: break-word; background: #f6f6f6; border: 1px solid #e2e2e2;
                  border-radius: 4px; padding: .5rem .7rem; margin: .3rem 0 .8rem; }
            .error { word-break: break-word; }
            .pair { border: 1px solid #d0d0d0; border-radius: 6px; padding: .2rem .8rem .6rem; margin: .8rem 0; }
            .pair td.both { text-align: center; background: #fff4e5; }
            .test { border-top: 1px solid #e2e2e2; padding-top: .4rem; }
            .test h3 { display: flex; justify-content: space-between; gap: 1rem; }
            .passed { color: #1d6b2f; }
            .failed { color: #a11; }
            .banner { border: 2px solid #a11; border-radius: 6px; padding: .5rem .8rem; color: #a11; }
            @media print {
              body { margin: 0; max-width: none; font-size: 10.5pt; }
              h2, h3 { break-after: avoid; }
              table, svg, .stats, tr, .pair { break-inside: avoid; }
              th button::after { content: ""; }
              .wide { overflow: visible; }
              #submission-table { font-size: 9pt; }
              a { color: inherit; text-decoration: none; }
              pre { background: none; }
              .meter span, svg .bar, .pair td.both { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
            }
            """;

    /**
     * Sorts a table with class {@code sortable} when a header's button is clicked: by the cells'
     * {@code data-sort} value (numbers as numbers), empty cells last, ties in the original order.
     */
    static final String SORT_SCRIPT = """
            (function () {
              "use strict";
              function key(row, index) {
                var cell = row.cells[index];
                var value = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
                var number = Number(value);
                return value === "" ? null : (isNaN(number) ? value.toLowerCase() : number);
              }
              function compare(a, b) {
                if (a === null || b === null) { return a === b ? 0 : (a === null ? 1 : -1); }
                if (typeof a !== typeof b) { return typeof a === "number" ? -1 : 1; }
                return a < b ? -1 : (a > b ? 1 : 0);
              }
              function sortBy(table, header) {
                var index = Array.prototype.indexOf.call(header.parentNode.children, header);
                var ascending = header.getAttribute("aria-sort") !== "ascending";
                Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.removeAttribute("aria-sort"); });
                header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
                var body = table.tBodies[0];
                var rows = Array.prototype.map.call(body.rows, function (row, i) {
                  return { row: row, key: key(row, index), order: i };
                });
                rows.sort(function (a, b) {
                  var byKey = compare(a.key, b.key);
                  if (a.key !== null && b.key !== null && !ascending) { byKey = -byKey; }
                  return byKey !== 0 ? byKey : a.order - b.order;
                });
                rows.forEach(function (r) { body.appendChild(r.row); });
              }
              Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
                Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header) {
                  var button = header.querySelector("button");
                  if (button) { button.addEventListener("click", function () { sortBy(table, header); }); }
                });
              });
            })();
            """;

    private Html() {
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /** A whole page: {@code body} is already HTML; the sorting script is added when asked for. */
    public static String page(String title, String body, boolean sortable) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + escape(title)
                + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n" + body
                + (sortable ? "<script>\n" + SORT_SCRIPT + "</script>\n" : "") + "</body>\n</html>\n";
    }

    /** A link to a submission's own page, relative to the summary. */
    static String studentLink(String id) {
        return "<a href=\"" + escape(pathSegment(id)) + "/" + StudentPage.FILE_NAME + "\">" + escape(id) + "</a>";
    }

    /** An id as a relative URL path segment: ids are folder names students chose. */
    static String pathSegment(String id) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : id.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (Character.isLetterOrDigit(c) && c < 128 || "-._~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }
}
