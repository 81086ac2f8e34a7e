package org.foodnet.api.driver;

import java.util.Locale;

/** The printable route sheet: one A4 page per trip (print stylesheet), Japanese or English labels. */
final class RouteSheetHtml {

    /** The page's only style sheet: inline, so that a saved copy keeps it. */
    private static final String STYLE = "\n"
            + "body{font-family:'Noto Sans JP','Hiragino Sans','Yu Gothic',sans-serif;font-size:11pt;margin:1.5em;color:#000}\n"
            + "h1{font-size:16pt;margin:0 0 .3em}h2{font-size:13pt;margin:1em 0 .3em;border-bottom:2px solid #000}\n"
            + "table{border-collapse:collapse;width:100%}th,td{border:1px solid #444;padding:3px 5px;vertical-align:top;text-align:left}\n"
            + "th{background:#eee}.num{text-align:right}.meta td{border:none;padding:1px 8px 1px 0}\n"
            + "ul{margin:0;padding-left:1.1em}.cls{font-weight:bold}\n"
            + "@page{size:A4;margin:12mm}\n"
            + "@media print{body{margin:0;font-size:10pt}a{color:#000;text-decoration:none}.trip{page-break-after:always}"
            + ".trip:last-child{page-break-after:auto}th{background:#ddd!important;-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n";

    /**
     * The page's Content-Security-Policy: no script, no other style than this exact sheet (by its SHA-256), images
     * of its own origin only.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + sha256(STYLE) + "'; img-src 'self'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static String sha256(String text) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "sha256-" + java.util.Base64.getEncoder().encodeToString(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private RouteSheetHtml() {
    }

    static String render(RouteSheet sheet, Labels l) {
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"").append(l.japanese() ? "ja" : "en").append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>").append(esc(l.get("title") + " " + sheet.driverName() + " " + sheet.from()
                        + (sheet.from().equals(sheet.to()) ? "" : " – " + sheet.to()))).append("</title>\n")
                .append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(esc(l.get("title"))).append("</h1>\n<table class=\"meta\">")
                .append(row(l.get("driver"), sheet.driverName() + " (" + sheet.driverId() + ") " + sheet.driverContact()))
                .append(row(l.get("vehicle"), sheet.vehicleName()))
                .append(row(l.get("period"), sheet.from() + (sheet.from().equals(sheet.to()) ? "" : " – " + sheet.to())
                        + " (" + sheet.zone() + ")"))
                .append(row(l.get("totals"), l.get("trips") + " " + sheet.totals().trips() + ", " + l.get("stops") + " "
                        + sheet.totals().stops() + ", " + l.get("loaded") + " " + kg(sheet.totals().loadedKg()) + ", "
                        + l.get("minutes") + " " + sheet.totals().minutes()))
                .append("</table>\n");
        if (sheet.trips().isEmpty()) {
            h.append("<p>").append(esc(l.get("none"))).append("</p>\n");
        }
        for (RouteSheet.Trip t : sheet.trips()) {
            h.append("<section class=\"trip\">\n<h2>").append(esc(l.get("trip") + " " + t.tripId() + " — " + t.date()))
                    .append(t.done() ? " ✓ " + esc(l.get("done")) : "").append("</h2>\n<p>")
                    .append(esc(l.get("leave"))).append(' ').append(t.start().toLocalTime()).append(" · ")
                    .append(esc(l.get("back"))).append(' ').append(t.end().toLocalTime()).append(" · ")
                    .append(esc(l.get("loaded"))).append(' ').append(kg(t.totals().loadedKg())).append(" (")
                    .append(esc(l.get("AMBIENT"))).append(' ').append(kg(t.totals().ambientKg())).append(", ")
                    .append(esc(l.get("CHILLED"))).append(' ').append(kg(t.totals().chilledKg())).append(", ")
                    .append(esc(l.get("FROZEN"))).append(' ').append(kg(t.totals().frozenKg())).append(")</p>\n")
                    .append(t.navigationUrl() == null ? "" : "<p><a href=\"" + esc(t.navigationUrl()) + "\">"
                            + esc(l.get("navigate")) + "</a></p>\n")
                    .append("<table>\n<tr><th>#</th><th>").append(esc(l.get("stop"))).append("</th><th>")
                    .append(esc(l.get("arrive"))).append(" / ").append(esc(l.get("depart"))).append("</th><th>")
                    .append(esc(l.get("load"))).append("</th><th>").append(esc(l.get("unload"))).append("</th></tr>\n");
            for (RouteSheet.Stop s : t.stops()) {
                h.append("<tr><td class=\"num\">").append(s.order()).append("</td><td><b>").append(esc(s.name()))
                        .append("</b><br>").append(esc(s.address())).append("<br>").append(esc(l.get("contact"))).append(": ")
                        .append(esc(s.contact())).append("<br><a href=\"").append(esc(s.mapUrl())).append("\">")
                        .append(esc(l.get("map"))).append("</a></td><td>").append(s.arrival().toLocalTime()).append(" / ")
                        .append(s.departure().toLocalTime());
                if (s.openFrom() != null) {
                    h.append("<br>").append(esc(l.get("open"))).append(' ').append(s.openFrom()).append('–').append(s.openTo());
                }
                h.append("</td><td>").append(items(s.load(), l)).append("</td><td>").append(items(s.unload(), l));
                if (!s.stayOnBoard().isEmpty()) {
                    if (s.load().isEmpty() && s.unload().isEmpty()) {
                        h.append("<b>").append(esc(l.get("passOnly"))).append("</b>");
                    }
                    h.append("<br>").append(esc(l.get("stayOnBoard"))).append(':').append(items(s.stayOnBoard(), l));
                }
                h.append("</td></tr>\n");
            }
            h.append("</table>\n</section>\n");
        }
        if (sheet.roadData() != null) {
            h.append("<footer><small>").append(esc(sheet.roadData())).append("</small></footer>\n");
        }
        return h.append("</body>\n</html>\n").toString();
    }

    private static String items(java.util.List<RouteSheet.Item> items, Labels l) {
        if (items.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("<ul>");
        for (RouteSheet.Item i : items) {
            b.append("<li><span class=\"cls\">").append(esc(l.get(i.temperature()))).append("</span> ")
                    .append(esc(kg(i.kg()))).append(' ').append(esc(i.category())).append(" (").append(esc(i.lotId())).append(')');
            if (i.recipientName() != null) {
                b.append(" → ").append(esc(i.recipientName()));
            }
            b.append("</li>");
        }
        return b.append("</ul>").toString();
    }

    private static String row(String label, String value) {
        return "<tr><td><b>" + esc(label) + "</b></td><td>" + esc(value) + "</td></tr>";
    }

    private static String kg(double kg) {
        return String.format(Locale.ROOT, "%.1f kg", kg);
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
