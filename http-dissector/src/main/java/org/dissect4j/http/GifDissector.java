package org.dissect4j.http;

import org.dissect4j.api.Base;
import org.dissect4j.api.Dissector;
import org.dissect4j.api.Expert;
import org.dissect4j.api.ExpertGroup;
import org.dissect4j.api.Field;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Protocol;
import org.dissect4j.api.Severity;
import org.dissect4j.api.Tree;
import org.dissect4j.api.ValueNames;

/**
 * Wireshark's {@code image-gif} ("Compuserve GIF"): the media type {@code image/gif} and the {@code gif_http}
 * heuristic of HTTP bodies. GIF87a and GIF89a (W3C's two specifications): the logical screen descriptor, the global
 * color map, then extension blocks, images (descriptor, local color map, LZW code size, data blocks) and the
 * trailer, with tshark 4.0.17's items, labels and Info text ({@code " (GIF89a)"}). A body under 20 bytes or without
 * the signature is not a GIF (0 consumed). Data blocks are walked, not decoded; a block past the captured bytes
 * stops the walk as Wireshark's exception does.
 */
final class GifDissector implements Dissector {
    static final Protocol GIF = new Protocol("Compuserve GIF", "GIF image", "image-gif");

    private static final ValueNames TRUE_FALSE = ValueNames.of(0, "False", 1, "True");
    private static final ValueNames EXTENSIONS = ValueNames.of(0xF9, "Graphics Control", 0xFE, "Comment",
            0xFF, "Application", 0x01, "Plain Text");

    static final Field VERSION = Field.define("image-gif.version", "Version", FieldType.STRING).description("GIF Version")
            .build();
    static final Field SCREEN_WIDTH = Field.define("image-gif.screen.width", "Screen width", FieldType.UINT16).build();
    static final Field SCREEN_HEIGHT = Field.define("image-gif.screen.height", "Screen height", FieldType.UINT16).build();
    static final Field GLOBAL_SETTINGS = Field.text("Global settings:");
    static final Field GLOBAL_MAP_PRESENT = Field.define("image-gif.global.color_map.present", "Global color map is present",
            FieldType.UINT8).mask(0x80L).values(TRUE_FALSE).description("Indicates if the global color map is present")
            .build();
    static final Field GLOBAL_COLOR_BPP = Field.define("image-gif.global.color_bpp", "Bits per color minus 1", FieldType.UINT8)
            .mask(0x70L).description("The number of bits per color is one plus the field value.").build();
    static final Field GLOBAL_MAP_ORDERED = Field.define("image-gif.global.color_map.ordered", "Global color map is ordered",
            FieldType.UINT8).mask(0x08L).values(TRUE_FALSE).description("Indicates whether the global color map is ordered.")
            .build();
    /** Wireshark adds this one under the local settings too (its {@code image-gif.local.bpp} stays unused). */
    static final Field GLOBAL_BPP = Field.define("image-gif.global.bpp", "Image bits per pixel minus 1", FieldType.UINT8)
            .mask(0x07L).description("The number of bits per pixel is one plus the field value.").build();
    static final Field BACKGROUND = Field.define("image-gif.image_background_index", "Background color index",
            FieldType.UINT8).description("Index of the background color in the color map.").build();
    static final Field ASPECT_RATIO = Field.define("image-gif.global.pixel_aspect_ratio", "Global pixel aspect ratio",
            FieldType.UINT8).description("Gives an approximate value of the aspect ratio of the pixels.").build();
    static final Field GLOBAL_MAP = Field.define("image-gif.global.color_map", "Global color map", FieldType.BYTES)
            .description("Global color map.").build();
    static final Field IMAGE_LEFT = Field.define("image-gif.image.left", "Image left position", FieldType.UINT16)
            .description("Offset between left of Screen and left of Image.").build();
    static final Field IMAGE_TOP = Field.define("image-gif.image.top", "Image top position", FieldType.UINT16)
            .description("Offset between top of Screen and top of Image.").build();
    static final Field IMAGE_WIDTH = Field.define("image-gif.image.width", "Image width", FieldType.UINT16)
            .description("Image width.").build();
    static final Field IMAGE_HEIGHT = Field.define("image-gif.image.height", "Image height", FieldType.UINT16)
            .description("Image height.").build();
    static final Field LOCAL_SETTINGS = Field.text("Local settings:");
    static final Field LOCAL_MAP_PRESENT = Field.define("image-gif.local.color_map.present", "Local color map is present",
            FieldType.UINT8).mask(0x80L).values(TRUE_FALSE).description("Indicates if the local color map is present")
            .build();
    static final Field LOCAL_COLOR_BPP = Field.define("image-gif.local.color_bpp", "Bits per color minus 1", FieldType.UINT8)
            .mask(0x70L).description("The number of bits per color is one plus the field value.").build();
    static final Field LOCAL_MAP_ORDERED = Field.define("image-gif.local.color_map.ordered", "Local color map is ordered",
            FieldType.UINT8).mask(0x08L).values(TRUE_FALSE).description("Indicates whether the local color map is ordered.")
            .build();
    static final Field LOCAL_BPP = Field.define("image-gif.local.bpp", "Image bits per pixel minus 1", FieldType.UINT8)
            .mask(0x07L).description("The number of bits per pixel is one plus the field value.").build();
    static final Field LOCAL_MAP = Field.define("image-gif.local.color_map", "Local color map", FieldType.BYTES)
            .description("Local color map.").build();
    static final Field EXTENSION = Field.define("image-gif.extension", "Extension", FieldType.NONE).description("Extension.")
            .build();
    static final Field EXTENSION_LABEL = Field.define("image-gif.extension.label", "Extension label", FieldType.UINT8)
            .base(Base.HEX).values(EXTENSIONS).description("Extension label.").build();
    static final Field IMAGE = Field.define("image-gif.image", "Image", FieldType.NONE).description("Image.").build();
    static final Field CODE_SIZE = Field.define("image-gif.image.code_size", "LZW minimum code size", FieldType.UINT8)
            .description("Minimum code size for the LZW compression.").build();
    static final Field TRAILER = Field.define("image-gif.end", "Trailer (End of the GIF stream)", FieldType.NONE)
            .description("This byte tells the decoder that the data stream is finished.").build();
    /** Wireshark's FT_UINT_BYTES: the item covers the length octet and the block, its value is the block. */
    static final Field DATA_BLOCK = Field.define("image-gif.data_block", "Data block", FieldType.BYTES).allowZero().build();

    static final Expert UNKNOWN_BLOCK = new Expert("gif.data_block_type.unknown", ExpertGroup.PROTOCOL, Severity.WARNING,
            "Unknown GIF data block type");

    private static final int MIN_LENGTH = 20;
    private static final int EXTENSION_INTRODUCER = 0x21;
    private static final int IMAGE_SEPARATOR = 0x2C;
    private static final int TRAILER_BYTE = 0x3B;
    private static final String GIF87A = "GIF87a";
    private static final String GIF89A = "GIF89a";

    private final StringBuilder text = new StringBuilder(96);

    /** Every field, for registration. */
    static Field[] fields() {
        return new Field[] {VERSION, SCREEN_WIDTH, SCREEN_HEIGHT, GLOBAL_SETTINGS, GLOBAL_MAP_PRESENT, GLOBAL_COLOR_BPP,
            GLOBAL_MAP_ORDERED, GLOBAL_BPP, BACKGROUND, ASPECT_RATIO, GLOBAL_MAP, IMAGE_LEFT, IMAGE_TOP, IMAGE_WIDTH,
            IMAGE_HEIGHT, LOCAL_SETTINGS, LOCAL_MAP_PRESENT, LOCAL_COLOR_BPP, LOCAL_MAP_ORDERED, LOCAL_BPP, LOCAL_MAP,
            EXTENSION, EXTENSION_LABEL, IMAGE, CODE_SIZE, TRAILER, DATA_BLOCK};
    }

    @Override
    public int dissect(Packet p, int offset, int length) {
        String version = length < MIN_LENGTH ? null : version(p, offset, offset + p.captured(offset));
        if (version == null) {
            return 0;
        }
        boolean gif89a = version == GIF89A;
        Tree t = p.tree();
        int end = offset + length;
        int top = t.open(GIF.field(), offset, length);
        t.add(VERSION, offset, 6);
        if (top >= 0 && t.wantsLabels()) {
            text.setLength(0);
            t.setLabel(top, text.append(GIF.name()).append(", Version: ").append(version));
        }
        if (p.columns()) {
            p.info().append(" (").append(version).append(')');
        }
        t.addUint(SCREEN_WIDTH, offset + 6, 2, p.u16le(offset + 6));
        t.addUint(SCREEN_HEIGHT, offset + 8, 2, p.u16le(offset + 8));
        int at = offset + 10;
        int flags = p.u8(at);
        settings(t, at, flags, gif89a, GLOBAL_SETTINGS, GLOBAL_MAP_PRESENT, GLOBAL_COLOR_BPP, GLOBAL_MAP_ORDERED,
                "(Global color table present)");
        t.addUint(BACKGROUND, at + 1, 1, p.u8(at + 1));
        int aspect = p.u8(at + 2);
        if (gif89a && aspect != 0) {      // shown only when set; GIF87a reserves the byte
            int item = t.addUint(ASPECT_RATIO, at + 2, 1, aspect);
            if (item >= 0 && t.wantsLabels()) {
                text.setLength(0);
                // Wireshark's proto_tree_add_uint_format: the format is the whole line, without the field's name
                text.append(aspect).append(", yields an aspect ratio of (15 + ")
                        .append(aspect).append(") / 64 = ");
                appendTwoDecimals(text, (15 + aspect) / 64.0);
                t.setLabel(item, text);
            }
        }
        at += 3;
        if ((flags & 0x80) != 0) {
            int mapLength = 3 << (1 + (flags & 0x07));
            p.require(at, mapLength);       // Wireshark's item throws before it is added
            t.add(GLOBAL_MAP, at, mapLength);
            at += mapLength;
        }
        blocks(p, t, at, end, gif89a);
        t.close();
        return length;
    }

    /** The blocks after the screen descriptor, until the trailer or the end of the body. */
    private void blocks(Packet p, Tree t, int at, int end, boolean gif89a) {
        int last = -1;          // Wireshark sets the length of its last item after each block, whichever it was
        while (at < end) {
            int start = at;
            int kind = p.u8(at);
            if (kind == EXTENSION_INTRODUCER) {
                last = t.open(EXTENSION, at, 1);
                int label = p.u8(at + 1);
                t.addUint(EXTENSION_LABEL, at + 1, 1, label);
                if (last >= 0 && t.wantsLabels()) {
                    text.setLength(0);
                    String name = EXTENSIONS.name(label);
                    if (name != null) {
                        text.append(": ").append(name);
                    } else {
                        text.append(": <Warning: Unknown extension 0x");
                        hex2(text, label).append('>');
                    }
                    t.appendLabel(last, text);
                }
                at = dataBlocks(p, t, at + 2);
                t.close();
            } else if (kind == IMAGE_SEPARATOR) {
                last = t.open(IMAGE, at, 1);
                for (int i = 0; i < 4; i++) {
                    Field f = i == 0 ? IMAGE_LEFT : i == 1 ? IMAGE_TOP : i == 2 ? IMAGE_WIDTH : IMAGE_HEIGHT;
                    t.addUint(f, at + 1 + 2 * i, 2, p.u16le(at + 1 + 2 * i));
                }
                int flags = p.u8(at + 9);
                settings(t, at + 9, flags, gif89a, LOCAL_SETTINGS, LOCAL_MAP_PRESENT, LOCAL_COLOR_BPP, LOCAL_MAP_ORDERED,
                        "(Local color table present)");
                at += 10;
                if ((flags & 0x80) != 0) {
                    int mapLength = 3 << (1 + (flags & 0x07));
                    p.require(at, mapLength);
                    t.add(LOCAL_MAP, at, mapLength);
                    at += mapLength;
                }
                t.addUint(CODE_SIZE, at, 1, p.u8(at));
                at = dataBlocks(p, t, at + 1);
                t.close();
            } else if (kind == TRAILER_BYTE) {
                t.add(TRAILER, at, 1);
                return;
            } else {
                t.expert(UNKNOWN_BLOCK, at, 1);
                at++;
            }
            t.setLength(last, at - start);
        }
    }

    /** A sequence of data blocks (a length octet, then as many bytes) ending with an empty one; where it ends. */
    private int dataBlocks(Packet p, Tree t, int at) {
        int len;
        do {
            len = p.u8(at);
            p.require(at, 1 + len);
            int item = t.addStringWithin(DATA_BLOCK, at + 1, len, at, 1 + len);
            if (item >= 0 && t.wantsLabels()) {
                text.setLength(0);
                t.appendLabel(item, text.append(" (length = ").append(len).append(')'));
            }
            at += 1 + len;
        } while (len > 0);
        return at;
    }

    /** The packed flags of the screen or image descriptor: a summary line over its four bit fields. */
    private void settings(Tree t, int at, int flags, boolean gif89a, Field line, Field present, Field colorBpp,
            Field ordered, String presentText) {
        int item = t.open(line, at, 1);
        if (item >= 0 && t.wantsLabels()) {
            // Wireshark computes the bits per color with the mask 0x60, not the field's 0x70
            int colorBits = 1 + ((flags & 0x60) >> 4);
            int pixelBits = 1 + (flags & 0x07);
            text.setLength(0);
            text.append(line.name());
            if ((flags & 0x80) != 0) {
                text.append(' ').append(presentText);
            }
            text.append(" (").append(colorBits).append(colorBits == 1 ? " bit" : " bits").append(" per color) (")
                    .append(pixelBits).append(pixelBits == 1 ? " bit" : " bits").append(" per pixel)");
            t.setLabel(item, text);
        }
        t.addUint(present, at, 1, flags);
        t.addUint(colorBpp, at, 1, flags);
        if (gif89a) {
            t.addUint(ordered, at, 1, flags);
        }
        t.addUint(GLOBAL_BPP, at, 1, flags);
        t.close();
    }

    /** The signature's version, one of the two constants, or null when the body is not a GIF. */
    private static String version(Packet p, int offset, int end) {
        if (end - offset < 6 || p.u8(offset) != 'G' || p.u8(offset + 1) != 'I' || p.u8(offset + 2) != 'F'
                || p.u8(offset + 3) != '8' || p.u8(offset + 5) != 'a') {
            return null;
        }
        int v = p.u8(offset + 4);
        return v == '7' ? GIF87A : v == '9' ? GIF89A : null;
    }

    private static StringBuilder hex2(StringBuilder out, int v) {
        return out.append(Character.toUpperCase(Character.forDigit(v >> 4 & 0xF, 16)))
                .append(Character.toUpperCase(Character.forDigit(v & 0xF, 16)));
    }

    /** printf's {@code %.2f} for a positive ratio, without String.format. */
    private static void appendTwoDecimals(StringBuilder out, double v) {
        long hundredths = Math.round(v * 100);
        out.append(hundredths / 100).append('.');
        long frac = hundredths % 100;
        if (frac < 10) {
            out.append('0');
        }
        out.append(frac);
    }
}
