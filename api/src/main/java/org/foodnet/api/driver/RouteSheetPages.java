package org.foodnet.api.driver;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The printable route sheet (配送表): Thymeleaf template {@code templates/route-sheet.html} (its escaping), labels
 * from the message bundles ({@code sheet.*}, {@code category.*}), one A4 page per trip when printed; and the same
 * page as a PDF (openhtmltopdf, A4, the IPA Gothic font shipped in {@code fonts/ipag.ttf} for Japanese).
 */
@Component
class RouteSheetPages {

    /** The page's only style sheet ({@code templates/route-sheet.css}), inline so that a saved copy keeps it. */
    static final String STYLE = read("templates/route-sheet.css");

    /**
     * The page's Content-Security-Policy: no script, no other style than this exact sheet (by its SHA-256), images
     * of its own origin only.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + sha256(STYLE) + "'; img-src 'self'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /** The font family the style sheet names first; the PDF renderer gets it from the shipped TTF. */
    static final String FONT_FAMILY = "IPAGothic";
    private static final String FONT = "fonts/ipag.ttf";

    private final ITemplateEngine templates;
    private final MessageSource messages;

    RouteSheetPages(ITemplateEngine templates, MessageSource messages) {
        this.templates = templates;
        this.messages = messages;
    }

    /** The sheet as an HTML page in {@code locale}'s language (Japanese or English). */
    String html(RouteSheet sheet, Locale locale) {
        Locale lang = "ja".equals(locale == null ? null : locale.getLanguage()) ? Locale.JAPANESE : Locale.ENGLISH;
        Context context = new Context(lang);
        context.setVariable("sheet", sheet);
        context.setVariable("lang", lang.getLanguage());
        context.setVariable("style", STYLE);
        context.setVariable("period", sheet.from() + (sheet.from().equals(sheet.to()) ? "" : " – " + sheet.to()));
        context.setVariable("f", new Format(messages, lang));
        return templates.process("route-sheet", context);
    }

    /** The sheet as a PDF (A4): the same page, rendered with the shipped Japanese font. */
    byte[] pdf(RouteSheet sheet, Locale locale) {
        String html = html(sheet, locale);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> {
                try {
                    return new ClassPathResource(FONT).getInputStream();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, FONT_FAMILY);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Words and numbers for the template, in its language. */
    public static final class Format {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");
        private final MessageSource messages;
        private final Locale locale;
        private final Map<String, String> categories = new HashMap<>();

        Format(MessageSource messages, Locale locale) {
            this.messages = messages;
            this.locale = locale;
        }

        public String kg(double kg) {
            return String.format(Locale.ROOT, "%.1f kg", kg);
        }

        /** A food category's label: the bundle's {@code category.<code>}, else the code as written. */
        public String category(String code) {
            if (code == null || code.isEmpty()) {
                return "";
            }
            return categories.computeIfAbsent(code, c -> messages.getMessage("category." + c, null, c, locale));
        }

        /** A trip for people: "12/11(金) 9:00–13:30" (Japanese) or "Fri 11 Dec 9:00–13:30". */
        public String trip(LocalDateTime start, LocalDateTime end) {
            String day = locale.getLanguage().equals("ja")
                    ? start.getMonthValue() + "/" + start.getDayOfMonth() + "(" + start.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.JAPANESE) + ")"
                    : start.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + start.getDayOfMonth() + " "
                    + start.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            return day + " " + TIME.format(start) + "–" + TIME.format(end);
        }
    }

    private static String read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
