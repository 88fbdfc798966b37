package org.dissect4j.http;

import org.dissect4j.api.Base;
import org.dissect4j.api.Field;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.Protocol;

/**
 * The body protocols HTTP hands media types to, with Wireshark 4.0's names: their protocols and the fields they
 * record (the top-level ones; {@link BodyDissectors}, {@link FormDissector} and {@link MultipartDissector} say how
 * far each goes).
 */
final class BodyProtocols {
    private BodyProtocols() {
    }

    private static Field multipartHeader(String name, String label, String description) {
        return Field.define("mime_multipart.header." + name, label, FieldType.STRING).description(description).build();
    }

    static final Protocol JSON = new Protocol("JavaScript Object Notation", "JSON", "json");
    static final Protocol XML = new Protocol("eXtensible Markup Language", "XML", "xml");
    static final Protocol FORM = new Protocol("HTML Form URL Encoded", "URL Encoded Form Data", "urlencoded-form");
    static final Protocol PNG = new Protocol("Portable Network Graphics", "PNG", "png");
    static final Protocol MESSAGE_HTTP = new Protocol("Media Type: message/http", "message/http", "message-http");
    static final Protocol MULTIPART = new Protocol("MIME Multipart Media Encapsulation", "MIME multipart", "mime_multipart");

    static final Field JSON_OBJECT = Field.define("json.object", "Object", FieldType.NONE).build();
    static final Field JSON_ARRAY = Field.define("json.array", "Array", FieldType.NONE).build();

    static final Field FORM_ITEM = Field.text("Form item");
    static final Field FORM_KEY = Field.define("urlencoded-form.key", "Key", FieldType.STRINGZ).build();
    static final Field FORM_VALUE = Field.define("urlencoded-form.value", "Value", FieldType.STRINGZ).build();

    static final Field PNG_SIGNATURE = Field.define("png.signature", "PNG Signature", FieldType.BYTES).build();
    static final Field PNG_CHUNK = Field.text("Chunk");
    static final Field PNG_CHUNK_LEN = Field.define("png.chunk.len", "Len", FieldType.UINT32).build();
    static final Field PNG_CHUNK_TYPE = Field.define("png.chunk.type", "Chunk", FieldType.STRING).build();
    static final Field PNG_CHUNK_CRC = Field.define("png.chunk.crc", "CRC", FieldType.UINT32).base(Base.HEX).build();

    static final Field MULTIPART_TYPE = Field.define("mime_multipart.type", "Type", FieldType.STRING).build();
    static final Field MULTIPART_FIRST_BOUNDARY = Field.define("mime_multipart.first_boundary", "First boundary",
            FieldType.STRING).build();
    static final Field MULTIPART_PART = Field.define("mime_multipart.part", "Encapsulated multipart part",
            FieldType.STRING).build();
    static final Field MULTIPART_CONTENT_DESCRIPTION = multipartHeader("content-description", "Content-Description",
            "Content-Description Header");
    static final Field MULTIPART_CONTENT_DISPOSITION = multipartHeader("content-disposition", "Content-Disposition",
            "RFC 2183: Content-Disposition Header");
    static final Field MULTIPART_CONTENT_ENCODING = multipartHeader("content-encoding", "Content-Encoding",
            "Content-Encoding Header");
    static final Field MULTIPART_CONTENT_ID = multipartHeader("content-id", "Content-Id", "RFC 2045: Content-Id Header");
    static final Field MULTIPART_CONTENT_LANGUAGE = multipartHeader("content-language", "Content-Language",
            "Content-Language Header");
    static final Field MULTIPART_CONTENT_LENGTH = multipartHeader("content-length", "Content-Length", "Content-Length Header");
    static final Field MULTIPART_CONTENT_TRANSFER_ENCODING = multipartHeader("content-transfer-encoding",
            "Content-Transfer-Encoding", "RFC 2045: Content-Transfer-Encoding Header");
    static final Field MULTIPART_CONTENT_TYPE = multipartHeader("content-type", "Content-Type", "Content-Type Header");
    static final Field MULTIPART_ORIGINAL_CONTENT = multipartHeader("originalcontent", "OriginalContent",
            "Original Content-Type Header");
    static final Field MULTIPART_PREAMBLE = Field.define("mime_multipart.preamble", "Preamble", FieldType.BYTES).build();
    static final Field MULTIPART_TRAILER = Field.define("mime_multipart.trailer", "Trailer", FieldType.BYTES).build();
    static final Field MULTIPART_BOUNDARY = Field.define("mime_multipart.boundary", "Boundary", FieldType.STRING).build();
    static final Field MULTIPART_LAST_BOUNDARY = Field.define("mime_multipart.last_boundary", "Last boundary",
            FieldType.STRING).build();
}
