/*
 * slant_stemmer.c — Slant's Snowball shim: the only file that includes libstemmer.h.
 */
#if defined(__has_include)
#if !__has_include(<libstemmer.h>)
#error "Slant needs the Snowball stemmer library. Install it with: sudo apt-get install libstemmer-dev"
#endif
#endif

#include "slant_stemmer.h"

#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>

struct SlantStemmer {
    struct sb_stemmer *stemmer;
};

SlantStemmer *slant_stemmer_open(const char *language) {
    struct sb_stemmer *stemmer = sb_stemmer_new(language, "UTF_8");
    if (stemmer == NULL) {
        return NULL;
    }
    SlantStemmer *result = malloc(sizeof(SlantStemmer));
    if (result == NULL) {
        sb_stemmer_delete(stemmer);
        return NULL;
    }
    result->stemmer = stemmer;
    return result;
}

void slant_stemmer_close(SlantStemmer *stemmer) {
    if (stemmer == NULL) {
        return;
    }
    sb_stemmer_delete(stemmer->stemmer);
    free(stemmer);
}

int32_t slant_stemmer_stem(SlantStemmer *stemmer, const char *word, int32_t length, char *output, int32_t capacity) {
    const sb_symbol *stem = sb_stemmer_stem(stemmer->stemmer, (const sb_symbol *)word, length);
    if (stem == NULL) {
        return -1;
    }
    int32_t stem_length = sb_stemmer_length(stemmer->stemmer);
    if (stem_length <= capacity) {
        memcpy(output, stem, (size_t)stem_length);
    }
    return stem_length;
}
