/*
 * slant_stemmer.h — the only interface between Slant and the Snowball stemmers (Debian: libstemmer-dev).
 * Plain C: no libstemmer type crosses this header. Words are UTF-8.
 */
#ifndef SLANT_STEMMER_H
#define SLANT_STEMMER_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** A Snowball stemmer for one language. Not thread-safe: one owner at a time. */
typedef struct SlantStemmer SlantStemmer;

/** Opens the stemmer for an ISO 639-1 code ("en", "fr", "de"), or returns NULL when Snowball has none. */
SlantStemmer *slant_stemmer_open(const char *language);

/** Closes a stemmer; NULL is ignored. */
void slant_stemmer_close(SlantStemmer *stemmer);

/**
 * Stems `length` bytes of UTF-8 at `word` (lower-case), writing the stem into `output` when it fits.
 * Returns the stem's length in bytes, or -1 on failure (the word is then used unstemmed).
 */
int32_t slant_stemmer_stem(SlantStemmer *stemmer, const char *word, int32_t length, char *output, int32_t capacity);

#ifdef __cplusplus
}
#endif

#endif
