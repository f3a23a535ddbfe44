/*
 * zlib glue for the java.util.zip natives (runtime/src/natives/zip.rs). The JDK's own natives
 * are thin wrappers over the system zlib, so roast links the same library (statically) and
 * calls it the same way: compressed bytes, checksums and zlib's error messages match HotSpot's.
 * A stream handle is a heap-allocated z_stream whose address the JDK keeps in a long.
 */
#include <stdlib.h>
#include <zlib.h>

/* Default memory level of the JDK's Deflater (zlib's DEF_MEM_LEVEL). */
#define ROAST_DEF_MEM_LEVEL 8

void *roast_zlib_inflate_new(int nowrap, int *ret) {
    z_stream *s = calloc(1, sizeof *s);
    if (s == NULL) {
        *ret = Z_MEM_ERROR;
        return NULL;
    }
    *ret = inflateInit2(s, nowrap ? -MAX_WBITS : MAX_WBITS);
    if (*ret != Z_OK) {
        free(s);
        return NULL;
    }
    return s;
}

void *roast_zlib_deflate_new(int level, int strategy, int nowrap, int *ret) {
    z_stream *s = calloc(1, sizeof *s);
    if (s == NULL) {
        *ret = Z_MEM_ERROR;
        return NULL;
    }
    *ret = deflateInit2(s, level, Z_DEFLATED, nowrap ? -MAX_WBITS : MAX_WBITS, ROAST_DEF_MEM_LEVEL,
                        strategy);
    if (*ret != Z_OK) {
        free(s);
        return NULL;
    }
    return s;
}

/* One inflate call with Z_PARTIAL_FLUSH, as the JDK's doInflate; *in_left / *out_left get
 * the unused input and output byte counts. */
int roast_zlib_inflate(void *z, const unsigned char *in, int in_len, unsigned char *out, int out_len,
                       int *in_left, int *out_left) {
    z_stream *s = z;
    s->next_in = (Bytef *)in;
    s->avail_in = (uInt)in_len;
    s->next_out = out;
    s->avail_out = (uInt)out_len;
    int ret = inflate(s, Z_PARTIAL_FLUSH);
    *in_left = (int)s->avail_in;
    *out_left = (int)s->avail_out;
    return ret;
}

/* One deflate call as the JDK's doDeflate: with bit 0 of params set, deflateParams with
 * strategy (params >> 1) & 3 and level params >> 3 instead of deflate(flush). */
int roast_zlib_deflate(void *z, const unsigned char *in, int in_len, unsigned char *out, int out_len,
                       int flush, int params, int *in_left, int *out_left) {
    z_stream *s = z;
    s->next_in = (Bytef *)in;
    s->avail_in = (uInt)in_len;
    s->next_out = out;
    s->avail_out = (uInt)out_len;
    int ret = (params & 1) ? deflateParams(s, params >> 3, (params >> 1) & 3) : deflate(s, flush);
    *in_left = (int)s->avail_in;
    *out_left = (int)s->avail_out;
    return ret;
}

const char *roast_zlib_msg(void *z) { return ((z_stream *)z)->msg; }

unsigned long roast_zlib_adler(void *z) { return ((z_stream *)z)->adler; }

int roast_zlib_inflate_set_dictionary(void *z, const unsigned char *dict, int len) {
    return inflateSetDictionary(z, dict, (uInt)len);
}

int roast_zlib_deflate_set_dictionary(void *z, const unsigned char *dict, int len) {
    return deflateSetDictionary(z, dict, (uInt)len);
}

int roast_zlib_inflate_reset(void *z) { return inflateReset(z); }

int roast_zlib_deflate_reset(void *z) { return deflateReset(z); }

/* Ends the stream and frees it; returns zlib's status of the end call. */
int roast_zlib_inflate_end(void *z) {
    int ret = inflateEnd(z);
    free(z);
    return ret;
}

int roast_zlib_deflate_end(void *z) {
    int ret = deflateEnd(z);
    free(z);
    return ret;
}

unsigned long roast_zlib_crc32(unsigned long crc, const unsigned char *buf, int len) {
    return crc32(crc, buf, (uInt)len);
}

unsigned long roast_zlib_adler32(unsigned long adler, const unsigned char *buf, int len) {
    return adler32(adler, buf, (uInt)len);
}
