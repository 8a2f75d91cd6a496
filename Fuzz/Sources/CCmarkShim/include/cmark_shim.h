#ifndef SLANT_CMARK_SHIM_H
#define SLANT_CMARK_SHIM_H

#include <stddef.h>

/// Parses CommonMark text and returns how many raw HTML nodes (blocks and inline) it holds.
int slant_cmark_html_nodes(const char *text, size_t length);

#endif
