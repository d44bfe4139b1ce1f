package io.pushbench.report;

import java.util.Map;

/**
 * A server not started by pushbench, reached by URL templates.
 *
 * @param urlTemplates per strategy label, the URL a client opens; {@code {topic}} and {@code {seq}} are
 *                     replaced, e.g. {@code http://127.0.0.1:8080/poll/{topic}?after={seq}}
 * @param publishUrl   the publish URL template, e.g. {@code http://127.0.0.1:8080/publish/{topic}}
 * @param pollCursor   how polling clients tell the server what they have: {@code "query"} (the {@code {seq}}
 *                     template) or {@code "conditional"} ({@code If-None-Match} / {@code If-Modified-Since})
 */
public record ExternalTarget(Map<String, String> urlTemplates, String publishUrl, String pollCursor) {

    public ExternalTarget {
        urlTemplates = Map.copyOf(urlTemplates);
    }
}
