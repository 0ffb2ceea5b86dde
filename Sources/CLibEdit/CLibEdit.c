#include "CLibEdit.h"

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

FILE *usq_stdin(void) { return stdin; }
FILE *usq_stdout(void) { return stdout; }
FILE *usq_stderr(void) { return stderr; }

int usq_write(FILE *stream, const char *text, int *error_out) {
  if (fputs(text, stream) == EOF || fflush(stream) == EOF) {
    if (error_out) *error_out = errno;
    return -1;
  }
  return 0;
}

/* ---- locale ---- */

static int usq_codeset_is_utf8(void) {
  const char *codeset = nl_langinfo(CODESET);
  if (codeset == NULL) return 0;
  return strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf-8") == 0 ||
         strcmp(codeset, "utf8") == 0 || strcmp(codeset, "UTF8") == 0;
}

static int usq_locale_done = 0;
static int usq_locale_was_utf8 = 0;

int usq_locale_setup(void) {
  if (usq_locale_done) return usq_locale_was_utf8;
  usq_locale_done = 1;
  setlocale(LC_CTYPE, "");
  usq_locale_was_utf8 = usq_codeset_is_utf8();
  if (!usq_locale_was_utf8) {
    if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) setlocale(LC_CTYPE, "C.utf8");
  }
  return usq_locale_was_utf8;
}

int usq_locale_is_utf8(void) { return usq_codeset_is_utf8(); }

/* ---- terminal ---- */

int usq_isatty(int fd) { return isatty(fd); }

int usq_terminal_size(int fd, int *columns, int *rows, int *error_out) {
  struct winsize size;
  memset(&size, 0, sizeof size);
  if (ioctl(fd, TIOCGWINSZ, &size) != 0) {
    if (error_out) *error_out = errno;
    return -1;
  }
  if (size.ws_col == 0) {
    if (error_out) *error_out = ENOTTY;
    return -1;
  }
  if (columns) *columns = size.ws_col;
  if (rows) *rows = size.ws_row;
  return 0;
}

/* ---- signals ---- */

static volatile sig_atomic_t usq_sigint_flag = 0;

static void usq_on_sigint(int signo) {
  (void)signo;
  usq_sigint_flag = 1;
}

int usq_sigint_install(int *error_out) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = usq_on_sigint;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0; /* no SA_RESTART: a blocking read returns EINTR */
  if (sigaction(SIGINT, &action, NULL) != 0) {
    if (error_out) *error_out = errno;
    return -1;
  }
  return 0;
}

int usq_sigint_take(void) {
  return __atomic_exchange_n(&usq_sigint_flag, 0, __ATOMIC_SEQ_CST) != 0;
}

int usq_sigint_peek(void) {
  return __atomic_load_n(&usq_sigint_flag, __ATOMIC_SEQ_CST) != 0;
}

int usq_sigint_raise(void) { return kill(getpid(), SIGINT); }

int usq_suspend_self(void) {
  /* Swift's worker threads block signals, so raise() alone would leave SIGTSTP pending, and
   * kill(getpid()) lets another thread take the stop later (after the terminal is back in edit
   * mode). Unblocking it in this thread makes the stop happen inside raise(). */
  sigset_t stop, previous;
  sigemptyset(&stop);
  sigaddset(&stop, SIGTSTP);
  if (pthread_sigmask(SIG_UNBLOCK, &stop, &previous) != 0) return -1;
  int result = raise(SIGTSTP);
  pthread_sigmask(SIG_SETMASK, &previous, NULL);
  return result;
}

static struct termios usq_saved_termios;
static volatile sig_atomic_t usq_termios_saved = 0;

static void usq_on_sigterm(int signo) {
  if (usq_termios_saved) tcsetattr(0, TCSANOW, &usq_saved_termios);
  signal(signo, SIG_DFL);
  raise(signo);
}

int usq_terminal_guard_install(int *error_out) {
  if (tcgetattr(0, &usq_saved_termios) != 0) {
    if (error_out) *error_out = errno;
    return -1;
  }
  usq_termios_saved = 1;
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = usq_on_sigterm;
  sigemptyset(&action.sa_mask);
  if (sigaction(SIGTERM, &action, NULL) != 0) {
    if (error_out) *error_out = errno;
    return -1;
  }
  return 0;
}

/* ---- EditLine ---- */

EditLine *usq_el_init(const char *program, int *error_out) {
  errno = 0;
  EditLine *el = el_init(program, stdin, stdout, stderr);
  if (el == NULL && error_out) *error_out = errno;
  return el;
}

void usq_el_end(EditLine *el) { el_end(el); }

int usq_el_set_clientdata(EditLine *el, void *data) {
  return el_set(el, EL_CLIENTDATA, data);
}

void *usq_el_get_clientdata(EditLine *el) {
  void *data = NULL;
  if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
  return data;
}

int usq_el_set_prompt(EditLine *el, usq_prompt_fn prompt) {
  return el_set(el, EL_PROMPT, prompt);
}

int usq_el_set_editor(EditLine *el, const char *mode) {
  return el_set(el, EL_EDITOR, mode);
}

int usq_el_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }

int usq_el_set_hist(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }

int usq_el_addfn(EditLine *el, const char *name, const char *help, usq_command_fn fn) {
  return el_set(el, EL_ADDFN, name, help, fn);
}

int usq_el_bind(EditLine *el, const char *key, const char *command) {
  return el_set(el, EL_BIND, key, command, NULL);
}

int usq_el_settty_edit(EditLine *el, const char *flag) {
  return el_set(el, EL_SETTY, "-d", flag, NULL);
}

const char *usq_el_gets(EditLine *el, int *count, int *error_out) {
  int n = 0;
  errno = 0;
  const char *line = el_gets(el, &n);
  if (count) *count = n;
  if (n < 0 && error_out) *error_out = errno;
  return line;
}

const char *usq_el_line(EditLine *el, int *cursor, int *length) {
  const LineInfo *info = el_line(el);
  if (info == NULL) {
    if (cursor) *cursor = 0;
    if (length) *length = 0;
    return "";
  }
  if (cursor) *cursor = (int)(info->cursor - info->buffer);
  if (length) *length = (int)(info->lastchar - info->buffer);
  return info->buffer;
}

int usq_el_insertstr(EditLine *el, const char *text) { return el_insertstr(el, text); }

void usq_el_deletestr(EditLine *el, int characters) { el_deletestr(el, characters); }

void usq_el_resize(EditLine *el) { el_resize(el); }

int usq_el_suspend(EditLine *el) {
  el_set(el, EL_PREP_TERM, 0);
  int result = usq_suspend_self();
  el_set(el, EL_PREP_TERM, 1);
  return result;
}

int usq_el_cursor_to_end_repeating(EditLine *el, const char *key) {
  const LineInfo *info = el_line(el);
  if (info == NULL || info->cursor >= info->lastchar) return 0;
  /* el_cursor counts characters and clamps at the end; bytes >= characters. */
  el_cursor(el, (int)(info->lastchar - info->buffer) + 1);
  el_push(el, key);
  return 1;
}

/* ---- History ---- */

History *usq_history_init(void) { return history_init(); }

void usq_history_end(History *h) { history_end(h); }

int usq_history_setsize(History *h, int size) {
  HistEvent event;
  return history(h, &event, H_SETSIZE, size);
}

int usq_history_setunique(History *h, int unique) {
  HistEvent event;
  return history(h, &event, H_SETUNIQUE, unique);
}

int usq_history_enter(History *h, const char *line) {
  HistEvent event;
  return history(h, &event, H_ENTER, line);
}

int usq_history_load(History *h, const char *path, int *error_out) {
  HistEvent event;
  errno = 0;
  int n = history(h, &event, H_LOAD, path);
  if (n < 0 && error_out) *error_out = errno;
  return n;
}

int usq_history_save(History *h, const char *path, int *error_out) {
  HistEvent event;
  /* Write a private temporary file beside the target, then rename it over the target, so a
   * process killed while saving (e.g. by SIGHUP when its terminal closes) never leaves a
   * truncated history. */
  char temporary[4096];
  int written = snprintf(temporary, sizeof temporary, "%s.%ld.tmp", path, (long)getpid());
  if (written < 0 || (size_t)written >= sizeof temporary) {
    if (error_out) *error_out = ENAMETOOLONG;
    return -1;
  }
  int fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0) {
    if (error_out) *error_out = errno;
    return -1;
  }
  close(fd);
  errno = 0;
  int n = history(h, &event, H_SAVE, temporary);
  if (n < 0) {
    if (error_out) *error_out = errno ? errno : EIO;
    unlink(temporary);
    return -1;
  }
  if (rename(temporary, path) != 0) {
    if (error_out) *error_out = errno;
    unlink(temporary);
    return -1;
  }
  return n;
}

int usq_history_length(History *h) {
  HistEvent event;
  if (history(h, &event, H_GETSIZE) < 0) return 0;
  return event.num;
}

int usq_history_copy(History *h, const char **lines, int capacity) {
  HistEvent event;
  int count = 0;
  if (capacity <= 0 || history(h, &event, H_LAST) < 0) return 0;
  do {
    lines[count++] = event.str;
  } while (count < capacity && history(h, &event, H_PREV) >= 0);
  return count;
}
