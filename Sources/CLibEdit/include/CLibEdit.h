#ifndef USQ_CLIBEDIT_H
#define USQ_CLIBEDIT_H
/*
 * C shim over the system libedit (native histedit API) for USQShell.
 *
 * Swift cannot call the C-variadic el_set/el_get/history, nor touch the C globals
 * stdin/stdout/stderr in Swift 6 mode, so this header offers plain non-variadic calls.
 * Every call returns a status (0 or a count on success, -1 on failure) and, where a
 * failure can have a cause, stores errno in *error_out. Nothing here longjmps.
 */
#include <stdio.h>
#include <histedit.h>

/* The editor-command results of libedit, as plain constants for Swift. */
enum {
  USQ_CC_NORM = CC_NORM,
  USQ_CC_NEWLINE = CC_NEWLINE,
  USQ_CC_EOF = CC_EOF,
  USQ_CC_REFRESH = CC_REFRESH,
  USQ_CC_CURSOR = CC_CURSOR,
  USQ_CC_ERROR = CC_ERROR,
  USQ_CC_REDISPLAY = CC_REDISPLAY,
  USQ_CC_REFRESH_BEEP = CC_REFRESH_BEEP
};

typedef char *(*usq_prompt_fn)(EditLine *);
typedef unsigned char (*usq_command_fn)(EditLine *, int);

/* ---- standard streams ---- */
FILE *usq_stdin(void);
FILE *usq_stdout(void);
FILE *usq_stderr(void);
/* Writes text to the stream and flushes it; returns 0, or -1 with *error_out = errno. */
int usq_write(FILE *stream, const char *text, int *error_out);

/* ---- locale ----
 * Sets LC_CTYPE from the environment; when its codeset is not UTF-8, switches LC_CTYPE to
 * C.UTF-8 (libedit's el_gets crashes on non-ASCII input in the C locale). Only LC_CTYPE is
 * touched, so number formatting stays in the C locale. Idempotent: the first call does the
 * work. Returns 1 if the locale from the environment was already UTF-8, else 0. */
int usq_locale_setup(void);
/* 1 if the current LC_CTYPE codeset is UTF-8. */
int usq_locale_is_utf8(void);

/* ---- terminal ---- */
int usq_isatty(int fd);
/* Stores the window size of fd; returns 0, or -1 with *error_out = errno (also when 0x0). */
int usq_terminal_size(int fd, int *columns, int *rows, int *error_out);

/* ---- signals ----
 * A process-wide SIGINT flag set by a sigaction handler installed without SA_RESTART. */
int usq_sigint_install(int *error_out);
/* Returns 1 and clears the flag if SIGINT arrived since the last call, else 0. */
int usq_sigint_take(void);
/* Returns 1 if SIGINT is pending, without clearing it. */
int usq_sigint_peek(void);
/* Raises SIGINT in this process only (used by tests). */
int usq_sigint_raise(void);
/* Remembers the terminal settings of stdin and installs a SIGTERM handler that puts them back
 * before dying, so `kill` while a line is being edited does not leave the terminal raw.
 * Returns 0, or -1 with *error_out = errno. */
int usq_terminal_guard_install(int *error_out);
/* Sends SIGTSTP to this process. */
int usq_suspend_self(void);

/* ---- EditLine ---- */
/* el_init on stdin/stdout/stderr; NULL with *error_out = errno on failure. */
EditLine *usq_el_init(const char *program, int *error_out);
void usq_el_end(EditLine *el);
int usq_el_set_clientdata(EditLine *el, void *data);
void *usq_el_get_clientdata(EditLine *el);
int usq_el_set_prompt(EditLine *el, usq_prompt_fn prompt);
int usq_el_set_editor(EditLine *el, const char *mode);
int usq_el_set_signal(EditLine *el, int on);
int usq_el_set_hist(EditLine *el, History *history);
int usq_el_addfn(EditLine *el, const char *name, const char *help, usq_command_fn fn);
int usq_el_bind(EditLine *el, const char *key, const char *command);
/* EL_SETTY -d FLAG: a terminal flag for edit mode, e.g. "-isig". */
int usq_el_settty_edit(EditLine *el, const char *flag);
/* el_gets: the line with its newline, or NULL at end of input (*count 0), on a cancel
 * command (*count 0) or on error/interruption (*count -1, *error_out = errno). */
const char *usq_el_gets(EditLine *el, int *count, int *error_out);
/* The edit buffer: *cursor and *length are UTF-8 byte offsets into the returned buffer. */
const char *usq_el_line(EditLine *el, int *cursor, int *length);
int usq_el_insertstr(EditLine *el, const char *text);
/* Deletes `characters` characters before the cursor. */
void usq_el_deletestr(EditLine *el, int characters);
void usq_el_resize(EditLine *el);
/* The ^Z binding: puts the terminal back in cooked mode, stops this process with SIGTSTP,
 * and on `fg` returns the terminal to edit mode (the caller then redraws). */
int usq_el_suspend(EditLine *el);
/* If the cursor is not at the end of the line: moves it there, pushes `key` back onto the
 * input (so the key's command runs again with the cursor at the end) and returns 1; the
 * command should then return USQ_CC_CURSOR. Returns 0 when the cursor is already at the end. */
int usq_el_cursor_to_end_repeating(EditLine *el, const char *key);

/* ---- History ---- */
History *usq_history_init(void);
void usq_history_end(History *history);
int usq_history_setsize(History *history, int size);
int usq_history_setunique(History *history, int unique);
int usq_history_enter(History *history, const char *line);
/* Count of entries loaded, or -1 (missing or unreadable file; *error_out = errno). */
int usq_history_load(History *history, const char *path, int *error_out);
/* Count of entries saved, or -1 with *error_out = errno. Writes `path.PID.tmp` (mode 0600)
 * and renames it over `path`, so the file is never left half written. */
int usq_history_save(History *history, const char *path, int *error_out);
/* Number of entries. */
int usq_history_length(History *history);
/* Copies up to `capacity` entries, oldest first, into `lines` (pointers valid until the
 * history changes); returns how many were copied. */
int usq_history_copy(History *history, const char **lines, int capacity);

#endif
