/*
 * slant_icu.h — the only interface between Slant and the system ICU library.
 *
 * Everything here is plain C: no ICU type crosses this header, so Swift never sees ICU's own headers
 * (Foundation on Linux bundles a prefixed copy of ICU whose headers would clash with the system's).
 * All text is UTF-8 and every offset is a UTF-8 byte offset into the buffer the caller passed.
 *
 * Error handling: functions that can fail take an `int32_t *status`, which must be 0 on entry (like ICU's
 * UErrorCode); on failure it is set to the ICU error code, and `slant_icu_error_name` names it.
 */
#ifndef SLANT_ICU_H
#define SLANT_ICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** What a break iterator divides text into. */
typedef enum SlantBreakKind {
    SLANT_BREAK_SENTENCE = 0,
    SLANT_BREAK_WORD = 1,
} SlantBreakKind;

/** An ICU break iterator bound to one UTF-8 buffer (iterated over a UTF-16 copy, which ICU breaks faster).
 * Not thread-safe: one owner at a time. */
typedef struct SlantBreakIterator SlantBreakIterator;

/**
 * Opens a break iterator of `kind` for `locale` (an ICU locale id such as "", "en", "en@ss=standard", "zh").
 * Iterators are cloned from a per-(kind, locale) template cached for the life of the process.
 * Returns NULL and sets `*status` on failure.
 */
SlantBreakIterator *slant_break_open(SlantBreakKind kind, const char *locale, int32_t *status);

/** Closes an iterator opened by `slant_break_open`. NULL is ignored. */
void slant_break_close(SlantBreakIterator *iterator);

/**
 * Points the iterator at `length` bytes of UTF-8 at `text` (converted once to UTF-16 inside the iterator; the
 * bytes must also stay alive and unchanged until the next call to this function or `slant_break_close`, since
 * boundaries are mapped back through them). Resets iteration to the start.
 * `length` must be below 2^31.
 */
void slant_break_set_text(SlantBreakIterator *iterator, const char *text, int64_t length, int32_t *status);

/**
 * Writes the next boundaries (UTF-8 byte offsets, ascending, excluding the initial 0) into `boundaries`
 * and, when `rule_status` is not NULL, ICU's rule status for the segment that ends at each boundary.
 * Returns how many were written (at most `capacity`); 0 means the text is exhausted.
 */
int32_t slant_break_next(SlantBreakIterator *iterator, int32_t *boundaries, int32_t *rule_status, int32_t capacity);

/** Number of slots in the array `slant_script_counts` fills: one per ICU script code. */
int32_t slant_script_code_limit(void);

/**
 * Counts the alphabetic code points of `length` bytes of UTF-8 per script (ICU `UScriptCode`), adding into
 * `counts[slant_script_code_limit()]`. Ill-formed bytes are skipped. Returns the number of letters counted.
 */
int64_t slant_script_counts(const char *text, int64_t length, int64_t *counts);

/** The ISO 15924 short name of an ICU script code ("Latn", "Hani"), or "Zzzz" when unknown. */
const char *slant_script_short_name(int32_t code);

/** The ICU script code of a short or long script name, or -1 when unknown. */
int32_t slant_script_code(const char *name);

/** The ICU script code of one code point (Common and Inherited included). */
int32_t slant_script_of(int32_t codepoint);

/** How `slant_transform` changes text. */
typedef enum SlantTransform {
    /** Unicode Normalization Form C. */
    SLANT_TRANSFORM_NFC = 0,
    /** Full Unicode case folding (ß → ss, Σ/σ/ς → σ). */
    SLANT_TRANSFORM_CASE_FOLD = 1,
    /** NFKC with case folding: folds case, width (ＡＢＣ → abc), compatibility forms and ignorables. */
    SLANT_TRANSFORM_NFKC_CASE_FOLD = 2,
    /** Unicode Normalization Form KC (width and compatibility forms folded, case kept). */
    SLANT_TRANSFORM_NFKC = 3,
} SlantTransform;

/**
 * Puts `length` bytes of well-formed UTF-8 in NFC. Returns -1 when the text is already in NFC (nothing is
 * written; ASCII text is recognised without conversion); otherwise writes and returns as `slant_transform`
 * does.
 */
int64_t slant_nfc(const char *text, int64_t length, char *output, int64_t output_capacity, int32_t *status);

/**
 * Applies `transform` to `length` bytes of UTF-8, writing UTF-8 into `output` (capacity `output_capacity`).
 * Returns the full length of the result; when that exceeds the capacity nothing useful was written and the
 * caller retries with a buffer of that size. Ill-formed input bytes become U+FFFD.
 */
int64_t slant_transform(SlantTransform transform, const char *text, int64_t length, char *output,
                        int64_t output_capacity, int32_t *status);

/** ICU's name for an error code ("U_ILLEGAL_ARGUMENT_ERROR"). */
const char *slant_icu_error_name(int32_t status);

/** The ICU version in use, e.g. "72.1". */
const char *slant_icu_version(void);

/** Releases the cached break iterator templates (for leak checkers; safe to call at exit). */
void slant_icu_cleanup(void);

#ifdef __cplusplus
}
#endif

#endif
