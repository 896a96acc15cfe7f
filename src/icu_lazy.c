/*
 * icu_lazy: the ICU converter calls of a statically linked libxml2,
 * loaded the first time a page needs them.
 *
 * libxml2 converts a charset with the C library's iconv and asks ICU only
 * for a name iconv does not know.  Linked as a shared library, though,
 * libxml2 brings ICU and the C++ runtime into every process: about 2 ms
 * of mapping and symbol binding, as long as extracting a typical page.
 * When configure links libxml2 statically (--enable-static-parsers),
 * libxml2's seven ICU entry points resolve to the functions here, and
 * the first call dlopen()s libicuuc and forwards.  If ICU cannot be
 * loaded, ucnv_open() fails and libxml2 reports the charset as
 * unsupported, as it does for any charset nobody converts.
 *
 * The names carry ICU's version suffix (ucnv_open_72): the ICU headers
 * rename them, and the same headers give the library's SONAME, so this
 * file always matches the ICU that libxml2.a was built against.
 */
#include "config.h"

#ifdef BYLINE_ICU_LAZY

#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

#define ICU_STR2(x)	#x
#define ICU_STR(x)	ICU_STR2(x)
/* The header macros expand ucnv_open to ucnv_open_72 before # applies. */
#define ICU_NAME(f)	ICU_STR(f)
#define ICU_SONAME	"libicuuc.so." ICU_STR(U_ICU_VERSION_MAJOR_NUM)

static struct {
	int	 ok;
	UConverter *(*open)(const char *, UErrorCode *);
	void	 (*close)(UConverter *);
	void	 (*convert_ex)(UConverter *, UConverter *, char **,
	    const char *, const char **, const char *, UChar *, UChar **,
	    UChar **, const UChar *, UBool, UBool, UErrorCode *);
	void	 (*set_from)(UConverter *, UConverterFromUCallback,
	    const void *, UConverterFromUCallback *, const void **,
	    UErrorCode *);
	void	 (*set_to)(UConverter *, UConverterToUCallback, const void *,
	    UConverterToUCallback *, const void **, UErrorCode *);
	UConverterFromUCallback from_stop;
	UConverterToUCallback to_stop;
} icu;

static pthread_once_t icu_once = PTHREAD_ONCE_INIT;

/* dlsym() returns an object pointer; POSIX guarantees the conversion. */
#define LOAD(dl, field, f) do {						\
	void *p_ = dlsym(dl, ICU_NAME(f));				\
	if (p_ == NULL)							\
		return;							\
	*(void **)&icu.field = p_;					\
} while (0)

static void
icu_load(void)
{
	void	*dl;

	if ((dl = dlopen(ICU_SONAME, RTLD_NOW | RTLD_LOCAL)) == NULL)
		return;
	LOAD(dl, open, ucnv_open);
	LOAD(dl, close, ucnv_close);
	LOAD(dl, convert_ex, ucnv_convertEx);
	LOAD(dl, set_from, ucnv_setFromUCallBack);
	LOAD(dl, set_to, ucnv_setToUCallBack);
	LOAD(dl, from_stop, UCNV_FROM_U_CALLBACK_STOP);
	LOAD(dl, to_stop, UCNV_TO_U_CALLBACK_STOP);
	icu.ok = 1;
}

static int
icu_ready(void)
{
	pthread_once(&icu_once, icu_load);
	return icu.ok;
}

UConverter *
ucnv_open(const char *name, UErrorCode *err)
{
	if (!icu_ready()) {
		*err = U_FILE_ACCESS_ERROR;
		return NULL;
	}
	return icu.open(name, err);
}

/* The rest are called only on a converter that ucnv_open() made, so ICU
 * is loaded by then; the checks keep a stray call harmless. */
void
ucnv_close(UConverter *c)
{
	if (c != NULL && icu_ready())
		icu.close(c);
}

void
ucnv_convertEx(UConverter *to, UConverter *from, char **target,
    const char *target_end, const char **source, const char *source_end,
    UChar *pivot_start, UChar **pivot_source, UChar **pivot_target,
    const UChar *pivot_end, UBool reset, UBool flush, UErrorCode *err)
{
	if (!icu_ready()) {
		*err = U_FILE_ACCESS_ERROR;
		return;
	}
	icu.convert_ex(to, from, target, target_end, source, source_end,
	    pivot_start, pivot_source, pivot_target, pivot_end, reset, flush,
	    err);
}

/* libxml2 passes the addresses of the STOP callbacks below; ICU gets its
 * own instead, so conversion never calls back into this file. */
void
ucnv_setFromUCallBack(UConverter *c, UConverterFromUCallback action,
    const void *ctx, UConverterFromUCallback *old, const void **old_ctx,
    UErrorCode *err)
{
	if (!icu_ready()) {
		*err = U_FILE_ACCESS_ERROR;
		return;
	}
	if (action == UCNV_FROM_U_CALLBACK_STOP)
		action = icu.from_stop;
	icu.set_from(c, action, ctx, old, old_ctx, err);
}

void
ucnv_setToUCallBack(UConverter *c, UConverterToUCallback action,
    const void *ctx, UConverterToUCallback *old, const void **old_ctx,
    UErrorCode *err)
{
	if (!icu_ready()) {
		*err = U_FILE_ACCESS_ERROR;
		return;
	}
	if (action == UCNV_TO_U_CALLBACK_STOP)
		action = icu.to_stop;
	icu.set_to(c, action, ctx, old, old_ctx, err);
}

void
UCNV_FROM_U_CALLBACK_STOP(const void *ctx, UConverterFromUnicodeArgs *args,
    const UChar *units, int32_t len, UChar32 cp,
    UConverterCallbackReason reason, UErrorCode *err)
{
	if (icu_ready())
		icu.from_stop(ctx, args, units, len, cp, reason, err);
}

void
UCNV_TO_U_CALLBACK_STOP(const void *ctx, UConverterToUnicodeArgs *args,
    const char *units, int32_t len, UConverterCallbackReason reason,
    UErrorCode *err)
{
	if (icu_ready())
		icu.to_stop(ctx, args, units, len, reason, err);
}

#else

/* libxml2 is linked as a shared library and brings ICU itself. */
typedef int icu_lazy_unused;

#endif /* BYLINE_ICU_LAZY */
