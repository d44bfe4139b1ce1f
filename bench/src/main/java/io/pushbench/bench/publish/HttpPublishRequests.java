package io.pushbench.bench.publish;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.pushbench.bench.workload.PublishTarget;

/**
 * Builds the HTTP request of one publish from the target's templates. The {@code Content-Type} is the one given as a
 * header, else derived from the body template: {@code application/octet-stream} for the raw payload,
 * {@code application/x-www-form-urlencoded} when a placeholder uses {@code :form}, {@code application/json} when
 * the body starts with {@code &#123;} or {@code [}, else {@code text/plain}.
 */
final class HttpPublishRequests {

    private final PublishTarget target;
    private final HttpMethod method;
    private final String contentType;

    HttpPublishRequests(PublishTarget target) {
        this.target = target;
        this.method = HttpMethod.valueOf(target.method());
        this.contentType = contentType(target);
    }

    private static String contentType(PublishTarget target) {
        for (PublishTarget.Header h : target.headers()) {
            if (h.name().equalsIgnoreCase(HttpHeaderNames.CONTENT_TYPE.toString())) {
                return null;   // given
            }
        }
        PublishTemplate body = target.body();
        if (body == null) {
            return HttpHeaderValues.APPLICATION_OCTET_STREAM.toString();
        }
        if (body.uses(PublishTemplate.Escape.FORM)) {
            return HttpHeaderValues.APPLICATION_X_WWW_FORM_URLENCODED.toString();
        }
        String text = body.toString().stripLeading();
        return text.startsWith("{") || text.startsWith("[") ? HttpHeaderValues.APPLICATION_JSON.toString() : "text/plain";
    }

    FullHttpRequest request(PublishMessage m) {
        byte[] body = target.body() == null ? m.payload() : target.body().expand(m.topic(), m.payload());
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method,
                target.target().expandToString(m.topic(), m.payload()), Unpooled.wrappedBuffer(body));
        HttpHeaders h = request.headers();
        h.set(HttpHeaderNames.HOST, target.hostHeader());
        if (contentType != null) {
            h.set(HttpHeaderNames.CONTENT_TYPE, contentType);
        }
        h.set(HttpHeaderNames.CONTENT_LENGTH, body.length);
        if (target.bearerToken() != null) {
            h.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + target.bearerToken());
        }
        for (PublishTarget.Header header : target.headers()) {
            h.add(header.name(), header.value());
        }
        return request;
    }
}
