package org.dissect4j.http;

import org.dissect4j.api.Base;
import org.dissect4j.api.Field;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.Protocol;

/**
 * The body protocols HTTP hands media types to, with Wireshark 4.0's names: their protocols and the fields they
 * record (the top-level ones; {@code JsonBody}, {@code XmlBody}, {@code FormBody}, {@code PngBody},
 * {@code MultipartBody} say how far each goes).
 */
final class BodyProtocols {
    private BodyProtocols() {
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
    static final Field FORM_KEY = Field.define("urlencoded-form.key", "Key", FieldType.STRING).build();
    static final Field FORM_VALUE = Field.define("urlencoded-form.value", "Value", FieldType.STRING).build();

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
    static final Field MULTIPART_CONTENT_TYPE = Field.define("mime_multipart.header.content-type", "Content-Type",
            FieldType.STRING).build();
    static final Field MULTIPART_CONTENT_DISPOSITION = Field.define("mime_multipart.header.content-disposition",
            "Content-Disposition", FieldType.STRING).build();
    static final Field MULTIPART_BOUNDARY = Field.define("mime_multipart.boundary", "Boundary", FieldType.STRING).build();
    static final Field MULTIPART_LAST_BOUNDARY = Field.define("mime_multipart.last_boundary", "Last boundary",
            FieldType.STRING).build();
}
