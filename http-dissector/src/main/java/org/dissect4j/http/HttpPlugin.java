package org.dissect4j.http;

import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorPlugin;
import org.dissect4j.api.DissectorTable;
import org.dissect4j.api.HeuristicList;
import org.dissect4j.api.Registrar;

/**
 * Registers HTTP/1.x: the {@code http} dissector on Wireshark 4.0's default HTTP ports of {@code tcp.port},
 * the {@code http_tcp} heuristic in the {@code tcp} list, the {@code media_type} table and the line-based
 * text dissector for textual media types.
 */
public final class HttpPlugin implements DissectorPlugin {
    /** The media type the {@code urlencoded-form} dissector is registered for. */
    static final String FORM_TYPE = "application/x-www-form-urlencoded";

    /** Wireshark 4.0's HTTP TCP port range ({@code http.tcp.port}). */
    public static final int[] PORTS = {80, 3128, 3132, 5985, 8080, 8088, 11371, 1900, 2869, 2710};
    /**
     * Media types shown as "Line-based text data": those tshark 4.0.17 shows so (checked one by one with a response
     * of each type; {@code text/csv}, {@code text/calendar} and other unregistered types are "Media Type").
     */
    static final String[] TEXT_TYPES = {"text/plain", "text/html", "text/css", "text/richtext", "text/enriched",
            "text/parameters", "text/javascript", "application/x-javascript", "text/xml-external-parsed-entity",
            "application/xml-external-parsed-entity", "application/x-tia-p25-issi", "application/x-tia-p25-sndcp",
            "application/x-ns-proxy-autoconfig", "text/vnd.sun.j2me.app-descriptor", "application/vnd.poc.refer-to",
            "application/vnd.drm.message", "application/x-rtsp-udp-packetpair"};

    /** Types shown as XML and multipart by tshark 4.0.17 (checked one by one, as {@link #TEXT_TYPES}). */
    static final String[] XML_TYPES = {"text/xml", "application/xml", "application/x-wms-logplaystats"};
    static final String[] MULTIPART_TYPES = {"multipart/form-data", "multipart/mixed"};

    private final HttpDissector http = new HttpDissector();
    private MultipartDissector multipart;
    private DissectorTable mediaTypes;
    private DissectorHandle handle;
    private DissectorHandle heuristic;
    private HeuristicList bodyHeuristics;
    private JsonDissector jsonDissector;
    private DissectorHandle jsonRest;
    private DissectorHandle pngHeuristic;
    private DissectorHandle gifHeuristic;

    @Override
    public int apiVersion() {
        return DissectorPlugin.API_VERSION;
    }

    @Override
    public String name() {
        return "http";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(HttpFields.HTTP, HttpFields.fields());
        r.protocol(HttpFields.TEXT_LINES);
        r.protocol(HttpFields.MEDIA, HttpFields.MEDIA_TYPE);
        r.protocol(BodyProtocols.JSON, JsonDissector.fields());
        r.protocol(BodyProtocols.XML);
        r.protocol(BodyProtocols.FORM, BodyProtocols.FORM_ITEM, BodyProtocols.FORM_KEY, BodyProtocols.FORM_VALUE);
        r.protocol(BodyProtocols.PNG, BodyProtocols.PNG_SIGNATURE, BodyProtocols.PNG_CHUNK, BodyProtocols.PNG_CHUNK_LEN,
                BodyProtocols.PNG_CHUNK_TYPE, BodyProtocols.PNG_CHUNK_CRC);
        r.protocol(BodyProtocols.MESSAGE_HTTP);
        r.protocol(BodyProtocols.MULTIPART, BodyProtocols.MULTIPART_TYPE, BodyProtocols.MULTIPART_FIRST_BOUNDARY,
                BodyProtocols.MULTIPART_PART, BodyProtocols.MULTIPART_CONTENT_DESCRIPTION,
                BodyProtocols.MULTIPART_CONTENT_DISPOSITION, BodyProtocols.MULTIPART_CONTENT_ENCODING,
                BodyProtocols.MULTIPART_CONTENT_ID, BodyProtocols.MULTIPART_CONTENT_LANGUAGE, BodyProtocols.MULTIPART_CONTENT_LENGTH,
                BodyProtocols.MULTIPART_CONTENT_TRANSFER_ENCODING, BodyProtocols.MULTIPART_CONTENT_TYPE,
                BodyProtocols.MULTIPART_ORIGINAL_CONTENT, BodyProtocols.MULTIPART_PREAMBLE, BodyProtocols.MULTIPART_TRAILER,
                BodyProtocols.MULTIPART_BOUNDARY, BodyProtocols.MULTIPART_LAST_BOUNDARY);
        r.protocol(GifDissector.GIF, GifDissector.fields());
        r.experts(HttpFields.CHAT, HttpFields.TLS_PORT, HttpFields.TE_AND_LENGTH, HttpFields.TE_UNKNOWN, HttpFields.DECHUNK_LIMIT,
                HttpFields.SUBDISSECTOR_FAILED, GifDissector.UNKNOWN_BLOCK);
        handle = r.dissector("http", HttpFields.HTTP, http);
        heuristic = r.dissector("http_tcp", HttpFields.HTTP, http::heuristic);
        http.declare(r);
        mediaTypes = r.newStringTable("media_type", "Internet media type");
        BodyDissectors bodies = new BodyDissectors(http.mediaTypeName());
        jsonDissector = new JsonDissector(http.mediaTypeName());
        DissectorHandle json = r.dissector("json", BodyProtocols.JSON, jsonDissector);
        DissectorHandle xml = r.dissector("xml", BodyProtocols.XML, bodies::xml);
        http.bodyHandles(r.dissector("media", HttpFields.MEDIA, http.mediaDissector()), json, xml);
        multipart = new MultipartDissector(http.mediaTypeName());
        mediaTypes.add("application/json", json);
        for (String type : XML_TYPES) {
            mediaTypes.add(type, xml);
        }
        mediaTypes.add(FORM_TYPE, r.dissector("urlencoded-form", BodyProtocols.FORM, new FormDissector(http.mediaTypeName())));
        mediaTypes.add("image/png", r.dissector("png", BodyProtocols.PNG, bodies::png));
        GifDissector gif = new GifDissector();
        mediaTypes.add("image/gif", r.dissector("image-gif", GifDissector.GIF, gif));
        // Wireshark 4.0's "http" heuristics for bodies no media type took (xml_http is off by default there)
        bodyHeuristics = r.newHeuristicList("http", "HTTP");
        pngHeuristic = r.heuristic("png_http", BodyProtocols.PNG, bodies::png);
        gifHeuristic = r.heuristic("gif_http", GifDissector.GIF, gif);
        mediaTypes.add("message/http", r.dissector("message-http", BodyProtocols.MESSAGE_HTTP, bodies::messageHttp));
        DissectorHandle multipartHandle = r.dissector("mime_multipart", BodyProtocols.MULTIPART, multipart);
        for (String type : MULTIPART_TYPES) {
            mediaTypes.add(type, multipartHandle);
        }
        mediaTypes.add("multipart/", multipartHandle);      // any other multipart subtype, as Wireshark's HTTP asks
        r.dissector("data-text-lines", HttpFields.TEXT_LINES, new TextLinesDissector((String) null));
        jsonRest = r.dissector("data-text-lines:json", HttpFields.TEXT_LINES, new TextLinesDissector(http.mediaTypeName()));
        http.upgradeTable(r.newStringTable("http.upgrade", "HTTP Upgrade"));
        for (String type : TEXT_TYPES) {
            mediaTypes.add(type, r.dissector("data-text-lines:" + type, HttpFields.TEXT_LINES, new TextLinesDissector(type)));
        }
    }

    @Override
    public void handoff(Registrar r) {
        // optional wiring: HTTP also loads in an engine without TCP
        r.findTable("tcp.port").ifPresent(t -> {
            for (int port : PORTS) {
                t.add(port, handle);
            }
            http.tunnelTable(t);
        });
        r.findHeuristics("tcp").ifPresent(l -> {
            l.add("http_tcp", "HTTP over TCP", heuristic, true);
            http.tunnelHeuristics(l);
        });
        // Decrypted TLS (Wireshark's http_tls_handle): port 443, ALPN "http/1.1", and the heuristic on other ports.
        r.findTable("tls.port").ifPresent(t -> t.add(443, handle));
        r.findTable("tls.alpn").ifPresent(t -> t.add("http/1.1", handle));
        r.findHeuristics("tls").ifPresent(l -> l.add("http_tls", "HTTP over TLS", heuristic, true));
        bodyHeuristics.add("png_http", "PNG file in HTTP", pngHeuristic, true);
        bodyHeuristics.add("gif_http", "GIF file in HTTP", gifHeuristic, true);
        http.wire(mediaTypes, bodyHeuristics, r.dissector("data"), handle);
        multipart.wire(mediaTypes, r.dissector("data"), http.body());
        jsonDissector.wire(jsonRest);
    }
}
