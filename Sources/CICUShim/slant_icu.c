/*
 * slant_icu.c — Slant's ICU shim: the only file that includes ICU headers.
 * See include/slant_icu.h for the contract of each function.
 */
#if defined(__has_include)
#if !__has_include(<unicode/ubrk.h>)
#error "Slant needs the ICU development files. Install them with: sudo apt-get install libicu-dev"
#endif
#endif

#include "slant_icu.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>
#include <unicode/uversion.h>

/* ---------------------------------------------------------------- break iterator templates */

enum { TEMPLATE_LOCALE_MAX = 64, TEMPLATE_SLOTS = 64 };

typedef struct BreakTemplate {
    SlantBreakKind kind;
    char locale[TEMPLATE_LOCALE_MAX];
    UBreakIterator *iterator;
} BreakTemplate;

static pthread_mutex_t template_lock = PTHREAD_MUTEX_INITIALIZER;
static BreakTemplate templates[TEMPLATE_SLOTS];
static int template_count = 0;

/*
 * Returns an iterator for (kind, locale): a clone of the cached template, or, once every cache slot is taken,
 * a freshly opened iterator. Either way the caller owns the result.
 */
static UBreakIterator *iterator_for(SlantBreakKind kind, const char *locale, UErrorCode *status) {
    if (strlen(locale) >= TEMPLATE_LOCALE_MAX) {
        *status = U_ILLEGAL_ARGUMENT_ERROR;
        return NULL;
    }
    UBreakIteratorType type = kind == SLANT_BREAK_SENTENCE ? UBRK_SENTENCE : UBRK_WORD;
    UBreakIterator *result = NULL;
    pthread_mutex_lock(&template_lock);
    for (int i = 0; i < template_count && result == NULL; i++) {
        if (templates[i].kind == kind && strcmp(templates[i].locale, locale) == 0) {
            result = ubrk_clone(templates[i].iterator, status);
        }
    }
    if (result == NULL && U_SUCCESS(*status)) {
        UBreakIterator *opened = ubrk_open(type, locale, NULL, 0, status);
        if (U_SUCCESS(*status) && template_count < TEMPLATE_SLOTS) {
            templates[template_count].kind = kind;
            strcpy(templates[template_count].locale, locale);
            templates[template_count].iterator = opened;
            template_count++;
            result = ubrk_clone(opened, status);
        } else {
            result = opened;
        }
    }
    pthread_mutex_unlock(&template_lock);
    return result;
}

/*
 * ICU's iterators run about a quarter faster over UTF-16 than over a UTF-8 UText (its dictionary engines copy
 * UTF-8 into UTF-16 piecewise anyway), even counting one conversion per text. So the shim converts the text
 * once, iterates over UTF-16, and maps each boundary back to a UTF-8 offset with a cursor that only moves
 * forward. Conversion and mapping decode the bytes the same way (U8_NEXT; an ill-formed sequence becomes one
 * U+FFFD), so they always agree.
 */
struct SlantBreakIterator {
    UBreakIterator *iterator;
    const uint8_t *utf8;
    int32_t utf8_length;
    UChar *utf16;
    int32_t utf16_capacity;
    /* The mapping cursor: UTF-16 index and the UTF-8 offset of the same code point. */
    int32_t cursor16;
    int32_t cursor8;
    int32_t exhausted;
};

SlantBreakIterator *slant_break_open(SlantBreakKind kind, const char *locale, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UBreakIterator *iterator = iterator_for(kind, locale ? locale : "", &error);
    if (U_FAILURE(error)) {
        ubrk_close(iterator);
        *status = error;
        return NULL;
    }
    SlantBreakIterator *result = calloc(1, sizeof(SlantBreakIterator));
    if (result == NULL) {
        ubrk_close(iterator);
        *status = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    result->iterator = iterator;
    result->exhausted = 1;
    return result;
}

void slant_break_close(SlantBreakIterator *iterator) {
    if (iterator == NULL) {
        return;
    }
    ubrk_close(iterator->iterator);
    free(iterator->utf16);
    free(iterator);
}

/* UTF-8 to UTF-16, one U+FFFD per ill-formed sequence; returns the UTF-16 length. `out` holds `length` units. */
static int32_t convert_to_utf16(const uint8_t *bytes, int32_t length, UChar *out) {
    int32_t i = 0, written = 0;
    while (i < length) {
        if (bytes[i] < 0x80) {
            out[written++] = bytes[i++];
            continue;
        }
        UChar32 c;
        U8_NEXT(bytes, i, length, c);
        if (c < 0) {
            c = 0xFFFD;
        }
        U16_APPEND_UNSAFE(out, written, c);
    }
    return written;
}

void slant_break_set_text(SlantBreakIterator *iterator, const char *text, int64_t length, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    iterator->exhausted = 1;
    if (length < 0 || length > INT32_MAX - 1) {
        *status = U_INDEX_OUTOFBOUNDS_ERROR;
        return;
    }
    /* UTF-16 never needs more units than UTF-8 has bytes. */
    int32_t needed = length > 0 ? (int32_t)length : 1;
    if (iterator->utf16_capacity < needed) {
        UChar *grown = realloc(iterator->utf16, sizeof(UChar) * (size_t)needed);
        if (grown == NULL) {
            *status = U_MEMORY_ALLOCATION_ERROR;
            return;
        }
        iterator->utf16 = grown;
        iterator->utf16_capacity = needed;
    }
    iterator->utf8 = (const uint8_t *)text;
    iterator->utf8_length = (int32_t)length;
    int32_t units = text != NULL ? convert_to_utf16(iterator->utf8, iterator->utf8_length, iterator->utf16) : 0;
    ubrk_setText(iterator->iterator, iterator->utf16, units, &error);
    if (U_FAILURE(error)) {
        *status = error;
        return;
    }
    ubrk_first(iterator->iterator);
    iterator->cursor16 = 0;
    iterator->cursor8 = 0;
    iterator->exhausted = 0;
}

/* The UTF-8 offset of UTF-16 index `target`, which is at or after the cursor and on a code point boundary. */
static int32_t utf8_offset(SlantBreakIterator *iterator, int32_t target) {
    const uint8_t *bytes = iterator->utf8;
    int32_t i16 = iterator->cursor16, i8 = iterator->cursor8;
    while (i16 < target && i8 < iterator->utf8_length) {
        if (bytes[i8] < 0x80) {
            i8++;
            i16++;
            continue;
        }
        UChar32 c;
        U8_NEXT(bytes, i8, iterator->utf8_length, c);
        i16 += (c < 0 || c <= 0xFFFF) ? 1 : 2;
    }
    iterator->cursor16 = i16;
    iterator->cursor8 = i8;
    return i8;
}

int32_t slant_break_next(SlantBreakIterator *iterator, int32_t *boundaries, int32_t *rule_status, int32_t capacity) {
    int32_t count = 0;
    while (!iterator->exhausted && count < capacity) {
        int32_t boundary = ubrk_next(iterator->iterator);
        if (boundary == UBRK_DONE) {
            iterator->exhausted = 1;
            break;
        }
        boundaries[count] = utf8_offset(iterator, boundary);
        if (rule_status != NULL) {
            rule_status[count] = ubrk_getRuleStatus(iterator->iterator);
        }
        count++;
    }
    return count;
}

/* ---------------------------------------------------------------- scripts */

int32_t slant_script_code_limit(void) {
    return u_getIntPropertyMaxValue(UCHAR_SCRIPT) + 1;
}

int64_t slant_script_counts(const char *text, int64_t length, int64_t *counts) {
    const uint8_t *bytes = (const uint8_t *)text;
    int32_t limit = slant_script_code_limit();
    int64_t letters = 0;
    int64_t i = 0;
    while (i < length) {
        UChar32 c;
        if (bytes[i] < 0x80) {
            c = bytes[i++];
            if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
                counts[USCRIPT_LATIN]++;
                letters++;
            }
            continue;
        }
        U8_NEXT(bytes, i, length, c);
        if (c < 0 || !u_isalpha(c)) {
            continue;
        }
        UErrorCode error = U_ZERO_ERROR;
        UScriptCode script = uscript_getScript(c, &error);
        if (U_SUCCESS(error) && script >= 0 && script < limit) {
            counts[script]++;
            letters++;
        }
    }
    return letters;
}

const char *slant_script_short_name(int32_t code) {
    const char *name = uscript_getShortName((UScriptCode)code);
    return name != NULL ? name : "Zzzz";
}

int32_t slant_script_code(const char *name) {
    UScriptCode codes[4];
    UErrorCode error = U_ZERO_ERROR;
    int32_t found = uscript_getCode(name, codes, 4, &error);
    return (U_FAILURE(error) || found < 1) ? -1 : (int32_t)codes[0];
}

int32_t slant_script_of(int32_t codepoint) {
    UErrorCode error = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(codepoint, &error);
    return U_SUCCESS(error) ? (int32_t)script : (int32_t)USCRIPT_UNKNOWN;
}

/* ---------------------------------------------------------------- normalization and folding */

/* Converts UTF-8 to a freshly allocated UTF-16 buffer (ill-formed bytes become U+FFFD, as for the break
 * iterators). */
static UChar *utf16_from_utf8(const char *text, int64_t length, int32_t *utf16_length, UErrorCode *error) {
    if (length > INT32_MAX / 2) {
        *error = U_INDEX_OUTOFBOUNDS_ERROR;
        return NULL;
    }
    /* UTF-16 never needs more units than UTF-8 has bytes. */
    UChar *buffer = malloc(sizeof(UChar) * ((size_t)length + 1));
    if (buffer == NULL) {
        *error = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    *utf16_length = convert_to_utf16((const uint8_t *)text, (int32_t)length, buffer);
    return buffer;
}

/* Writes UTF-16 as UTF-8 into output when it fits; returns the UTF-8 length. */
static int64_t utf8_from_utf16(const UChar *source, int32_t source_length, char *output, int64_t capacity,
                               UErrorCode *error) {
    int32_t needed = 0;
    int32_t fit = capacity > INT32_MAX ? INT32_MAX : (int32_t)capacity;
    u_strToUTF8WithSub(output, fit, &needed, source, source_length, 0xFFFD, NULL, error);
    if (*error == U_BUFFER_OVERFLOW_ERROR || *error == U_STRING_NOT_TERMINATED_WARNING) {
        *error = U_ZERO_ERROR;
    }
    return needed;
}

static int is_ascii(const char *text, int64_t length) {
    for (int64_t i = 0; i < length; i++) {
        if ((uint8_t)text[i] >= 0x80) {
            return 0;
        }
    }
    return 1;
}

int64_t slant_nfc(const char *text, int64_t length, char *output, int64_t output_capacity, int32_t *status) {
    if (is_ascii(text, length)) {
        return -1;
    }
    UErrorCode error = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&error);
    int32_t source_length = 0;
    UChar *source = U_SUCCESS(error) ? utf16_from_utf8(text, length, &source_length, &error) : NULL;
    if (source == NULL) {
        *status = error;
        return 0;
    }
    /* The prefix that is certainly normalized is kept as it is; only the rest is normalized and compared. */
    int32_t span = unorm2_spanQuickCheckYes(nfc, source, source_length, &error);
    int64_t written = -1;
    if (U_SUCCESS(error) && span < source_length) {
        int32_t capacity = source_length * 3 + 16;
        UChar *result = malloc(sizeof(UChar) * (size_t)capacity);
        if (result == NULL) {
            error = U_MEMORY_ALLOCATION_ERROR;
        } else {
            memcpy(result, source, sizeof(UChar) * (size_t)span);
            int32_t result_length =
                unorm2_normalizeSecondAndAppend(nfc, result, span, capacity, source + span, source_length - span, &error);
            if (U_SUCCESS(error) &&
                (result_length != source_length || memcmp(result, source, sizeof(UChar) * (size_t)source_length) != 0)) {
                written = utf8_from_utf16(result, result_length, output, output_capacity, &error);
            }
            free(result);
        }
    }
    free(source);
    if (U_FAILURE(error)) {
        *status = error;
        return 0;
    }
    return written;
}

int64_t slant_transform(SlantTransform transform, const char *text, int64_t length, char *output,
                        int64_t output_capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    int32_t source_length = 0;
    UChar *source = utf16_from_utf8(text, length, &source_length, &error);
    if (source == NULL) {
        *status = error;
        return 0;
    }
    /* Case folding and normalization may grow text; 3x plus slack covers every Unicode mapping. */
    int32_t result_capacity = source_length * 3 + 16;
    UChar *result = malloc(sizeof(UChar) * (size_t)result_capacity);
    int32_t result_length = 0;
    if (result == NULL) {
        free(source);
        *status = U_MEMORY_ALLOCATION_ERROR;
        return 0;
    }
    if (transform == SLANT_TRANSFORM_CASE_FOLD) {
        result_length = u_strFoldCase(result, result_capacity, source, source_length, U_FOLD_CASE_DEFAULT, &error);
    } else {
        const UNormalizer2 *normalizer = transform == SLANT_TRANSFORM_NFC    ? unorm2_getNFCInstance(&error)
                                         : transform == SLANT_TRANSFORM_NFKC ? unorm2_getNFKCInstance(&error)
                                                                             : unorm2_getNFKCCasefoldInstance(&error);
        if (U_SUCCESS(error)) {
            result_length = unorm2_normalize(normalizer, source, source_length, result, result_capacity, &error);
        }
    }
    int64_t written = 0;
    if (U_SUCCESS(error)) {
        written = utf8_from_utf16(result, result_length, output, output_capacity, &error);
    }
    free(source);
    free(result);
    if (U_FAILURE(error)) {
        *status = error;
        return 0;
    }
    return written;
}

/* ---------------------------------------------------------------- misc */

const char *slant_icu_error_name(int32_t status) {
    return u_errorName((UErrorCode)status);
}

const char *slant_icu_version(void) {
    return U_ICU_VERSION;
}

void slant_icu_cleanup(void) {
    pthread_mutex_lock(&template_lock);
    for (int i = 0; i < template_count; i++) {
        ubrk_close(templates[i].iterator);
        templates[i].iterator = NULL;
    }
    template_count = 0;
    pthread_mutex_unlock(&template_lock);
}
