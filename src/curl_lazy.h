/*
 * curl_lazy: byline defines the libcurl functions it uses and loads
 * libcurl.so.4 on the first call (see curl_lazy.c), so that runs that
 * never touch the network do not pay for loading it.  Include
 * <curl/curl.h> as usual; these two are the extras.
 *
 * Why it is worth its forwarding table: linking libcurl costs every
 * process about 16 ms of CPU (Debian 12, libcurl 7.88 with its TLS,
 * Kerberos, LDAP, SSH and IDN libraries).  bench/startup.sh measures it:
 * an empty main() linked with and without $(pkg-config --libs libcurl)
 * (-Wl,--no-as-needed), each started 200 times from a shell loop, median
 * CPU time of 7 rounds: 3.86 s against 0.63 s.  SQLite (about 1.3 ms)
 * and ncursesw (0.5 ms), measured the same way, are linked as usual.
 * A libcurl call that is not forwarded here fails to link: add it to
 * curl_lazy.c.
 */
#ifndef BYLINE_CURL_LAZY_H
#define BYLINE_CURL_LAZY_H

/* Has libcurl been loaded (and initialised)? */
int	 curl_lazy_loaded(void);
/* curl_global_cleanup(), if libcurl was loaded; else nothing. */
void	 curl_lazy_cleanup(void);

#endif
