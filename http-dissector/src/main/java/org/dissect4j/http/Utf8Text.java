package org.dissect4j.http;

/** Decodes UTF-8 bytes into a reused builder without allocating: U+FFFD for each malformed sequence. */
final class Utf8Text {
    private Utf8Text() {
    }

    static void decode(byte[] b, int len, StringBuilder out) {
        int i = 0;
        while (i < len) {
            int c = b[i] & 0xff;
            int need = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : -1;
            int cp = need == 0 ? c : need == 1 ? c & 0x1F : need == 2 ? c & 0x0F : c & 0x07;
            int j = i + 1;
            while (need > 0 && j < len && (b[j] & 0xC0) == 0x80) {
                cp = cp << 6 | (b[j] & 0x3F);
                j++;
                need--;
            }
            int min = j - i == 2 ? 0x80 : j - i == 3 ? 0x800 : j - i == 4 ? 0x10000 : 0;
            if (need != 0 || cp < min || cp > Character.MAX_CODE_POINT || cp >= 0xD800 && cp <= 0xDFFF) {
                out.append('\uFFFD');
                i = Math.max(i + 1, need < 0 ? i + 1 : j);
                continue;
            }
            if (Character.isBmpCodePoint(cp)) {     // appendCodePoint would allocate a char[2] beyond the BMP
                out.append((char) cp);
            } else {
                out.append(Character.highSurrogate(cp)).append(Character.lowSurrogate(cp));
            }
            i = j;
        }
    }
}
