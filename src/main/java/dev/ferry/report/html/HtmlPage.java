package dev.ferry.report.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The pieces of a self-contained report page: it opens offline from disk because the chart library
 * (ECharts, from its WebJar) is inlined, and data reaches its scripts as JSON that cannot end the
 * script element it sits in.
 */
public final class HtmlPage {

    /** The class-path location of the chart library that {@link #echartsScript()} inlines. */
    public static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

    /** The style every report page shares: tables, better/worse marks, chart boxes. */
    public static final String CSS = """
            body{font-family:system-ui,sans-serif;margin:2em;color:#222}
            table{border-collapse:collapse;margin:1em 0}
            th,td{border:1px solid #ccc;padding:.3em .6em;text-align:right}
            thead th,tbody th{text-align:left;background:#f5f5f5}
            .better{color:#1a7f37}.worse{color:#cf222e;font-weight:bold}
            .chart{width:100%;max-width:60em;height:22em}
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static volatile String echarts;

    private HtmlPage() {
    }

    /** Text made safe for HTML element content and quoted attribute values. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /** {@code <style>} with {@link #CSS} and whatever a page adds. */
    public static String style(String extra) {
        return "<style>\n" + CSS + extra + "</style>";
    }

    /**
     * A value (a Jackson tree, a record, a map...) as JSON text that is safe inside a {@code <script>}
     * element: every {@code <} (which can only sit in a string) is written as a JSON unicode escape, so nothing in
     * it can close the element or open a comment; both JavaScript and {@code JSON.parse} read it unchanged.
     */
    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * A {@code <script type="application/json" id="...">} element holding {@code value}, for data a
     * page decodes only when it needs it: {@code JSON.parse(document.getElementById(id).textContent)}.
     */
    public static String jsonScript(String id, Object value) {
        return "<script type=\"application/json\" id=\"" + escape(id) + "\">" + json(value) + "</script>";
    }

    /** The chart library as one inline {@code <script>} element, read once from its WebJar. */
    public static String echartsScript() throws IOException {
        String script = echarts;
        if (script == null) {
            try (InputStream in = HtmlPage.class.getResourceAsStream(ECHARTS)) {
                if (in == null) {
                    throw new IOException("the echarts library is missing from the class path (" + ECHARTS + ")");
                }
                String library = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                script = "<script>" + library.replace("</script", "<\\/script") + "</script>";
            }
            echarts = script;
        }
        return script;
    }
}
