/* The fake kernel of the MIG round-trip harness: a client stub's mach_msg() lands here; the request
   is recorded, delivered to the linked server demux as the kernel would deliver it (header ports
   swapped, dispositions turned into rights), the reply is recorded and handed back. Then every
   recorded request is mutated and fed to the server again. Output lines (compared across pairings):
     CALL r / REQ r <bytes> / REP r <bytes> / IN r name <bytes> / OUT r name <bytes> / RC r n
     MUT r kind demux=<0|1> retcode=<n> / FAIL r: what / SUMMARY checks=n failures=m
   Out-of-line pointers are printed as "<ool>" followed by the data they point to. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <mach/message.h>
#include <mach/mig_errors.h>
#include <mach/mig_support.h>
#include "harness.h"

typedef boolean_t demux_fn(mach_msg_header_t *, mach_msg_header_t *);
extern demux_fn *const h_demux;

enum { MAX_VALUES = 64, MAX_VALUE_BYTES = 4096, MAX_REQUESTS = 256, MSG_BYTES = 1 << 17 };

struct value { char name[64]; unsigned char bytes[MAX_VALUE_BYTES]; size_t len; unsigned count; };
static struct value sent[MAX_VALUES], filled[MAX_VALUES];
static int nsent, nfilled;
static const char *routine = "?";
static int checks, failures, mutating;
static struct { const char *routine; size_t len; unsigned char *bytes; } requests[MAX_REQUESTS];
static int nrequests;
static unsigned char pool[64][H_POOL_BYTES];
static int npool;

static void fail(const char *what, const char *name) {
  failures++;
  printf("FAIL %s: %s %s\n", routine, what, name);
}

static void check(int ok, const char *what, const char *name) {
  checks++;
  if (!ok) fail(what, name);
}

static void hex(const void *p, size_t n) {
  const unsigned char *b = p;
  for (size_t i = 0; i < n; i++) printf("%s%02x", i % 4 ? "" : " ", b[i]);
}

static void pattern(unsigned char *p, size_t n, int seed) {
  /* never zero, except the last byte, so that C strings end inside the object */
  for (size_t i = 0; i < n; i++) p[i] = (unsigned char) (0x41 + (seed * 7 + i) % 26);
  if (n) p[n - 1] = 0;
}

static struct value *record(struct value *table, int *n, const char *name, const void *p, size_t len, unsigned count) {
  if (*n == MAX_VALUES || len > MAX_VALUE_BYTES) { fail("too many values", name); return NULL; }
  struct value *v = &table[(*n)++];
  snprintf(v->name, sizeof v->name, "%s", name);
  memcpy(v->bytes, p, len);
  v->len = len;
  v->count = count;
  return v;
}

static struct value *find(struct value *table, int n, const char *name) {
  for (int i = 0; i < n; i++) if (!strcmp(table[i].name, name)) return &table[i];
  return NULL;
}

void *h_buffer(void) {
  if (npool == 64) { fail("pool exhausted", ""); npool = 0; }
  unsigned char *p = pool[npool++];
  memset(p, 0, H_POOL_BYTES);
  return p;
}

void *h_server_pool(size_t bytes) { (void) bytes; return h_buffer(); }

void h_begin(const char *r, int simple) {
  routine = r;
  nsent = nfilled = 0;
  npool = 0;
  printf("CALL %s%s\n", r, simple ? " (simple)" : "");
}

void h_end(int rc) { printf("RC %s %d\n", routine, rc); check(rc == 0, "return code", ""); }

void h_prep_in(void *var, size_t size, int cls, int is_array, int seed, const char *name, int poly) {
  memset(var, 0, size);
  if (cls == 5 && !is_array) {            /* a pointer: a C string or fixed data behind it */
    unsigned char *buf = h_buffer();
    pattern(buf, 16, seed);
    memcpy(var, &buf, sizeof buf);
    record(sent, &nsent, name, buf, 16, 0);
  } else if (cls == 5 || cls == 12 || cls == 13) { /* an array or a struct, by value */
    pattern(var, size, seed);
    record(sent, &nsent, name, var, size, 0);
  } else {                                 /* an integer, enum or boolean */
    /* poly: a port disposition chosen by the generator (a MOVE_ one, which arrives as the same number) */
    uint64_t v = poly ? (uint64_t) poly : (uint64_t) (0x10 + seed * 0x101);
    memcpy(var, &v, size < sizeof v ? size : sizeof v);
    record(sent, &nsent, name, var, size, 0);
  }
}

void h_in_array(void *var, size_t size, int is_array, const char *name, size_t elem_size, unsigned count, int seed) {
  unsigned char *buf = h_buffer();
  pattern(buf, elem_size * count, seed);
  record(sent, &nsent, name, buf, elem_size * count, count);
  memset(var, 0, size);
  if (is_array) memcpy(var, buf, size < elem_size * count ? size : elem_size * count); /* the array itself */
  else memcpy(var, &buf, size < sizeof buf ? size : sizeof buf);                     /* a pointer or address */
}

void h_prep_inout(void *var, size_t size, int seed) { pattern(var, size, seed); }

void h_client_out(const char *name, const void *p, size_t size) {
  printf("OUT %s %s", routine, name); hex(p, size); printf("\n");
  struct value *v = find(filled, nfilled, name);
  check(v != NULL, "server did not fill", name);
  if (v) check(v->len == size && !memcmp(v->bytes, p, size), "out value differs", name);
}

void h_client_out_array(const char *name, const void *p, unsigned count, size_t elem_size) {
  printf("OUT %s %s count=%u", routine, name, count); if (p) hex(p, count * elem_size); printf("\n");
  struct value *v = find(filled, nfilled, name);
  check(v != NULL, "server did not fill", name);
  if (v) check(v->count == count && p && !memcmp(v->bytes, p, v->len), "out array differs", name);
}

int h_checking(void) { return !mutating; }

void h_server_in(const char *name, const void *var, size_t size, int cls, int is_array) {
  if (mutating) return;
  const unsigned char *p = var;
  struct value *v = find(sent, nsent, name);
  if (cls == 5 && !is_array) {             /* the parameter is a pointer (arrays decay to one) */
    memcpy(&p, var, sizeof p);
    size = v ? v->len : 0;
  }
  printf("IN %s %s", routine, name); if (p) hex(p, size); printf("\n");
  if (v) check(p && !memcmp(p, v->bytes, v->len < size ? v->len : size), "in value differs", name);
}

void h_server_in_array(const char *name, const void *p, unsigned count, size_t elem_size) {
  if (mutating) return;
  printf("IN %s %s count=%u", routine, name, count); if (p) hex(p, count * elem_size); printf("\n");
  struct value *v = find(sent, nsent, name);
  check(v != NULL, "client did not send", name);
  if (v) check(v->count == count && p && !memcmp(p, v->bytes, v->len), "in array differs", name);
}

void h_server_out(const char *name, void *p, size_t size, int seed, int poly) {
  if (poly) { mach_msg_type_name_t t = (mach_msg_type_name_t) poly; memset(p, 0, size); memcpy(p, &t, size < sizeof t ? size : sizeof t); }
  else pattern(p, size, seed);
  if (!mutating) record(filled, &nfilled, name, p, size, 0);
}

void h_server_out_array(const char *name, void *p, unsigned count, size_t elem_size, int seed) {
  pattern(p, count * elem_size, seed);
  if (!mutating) record(filled, &nfilled, name, p, count * elem_size, count);
}

/* the MIG support routines a C library provides */
mach_port_t mig_get_reply_port(void) { return 0x77; }
void mig_dealloc_reply_port(mach_port_t p) { (void) p; }
void mig_put_reply_port(mach_port_t p) { (void) p; }
void mig_allocate(vm_address_t *a, vm_size_t s) { *a = (vm_address_t) h_server_pool(s); }
void mig_deallocate(vm_address_t a, vm_size_t s) { (void) a; (void) s; }
char *mig_strncpy(char *d, const char *s, int n) { if (n > 0) { strncpy(d, s, n); d[n - 1] = 0; } return d; }
/* weak: a subsystem that declares these routines (mach, mach_port) brings its own client stub */
__attribute__((weak)) kern_return_t vm_deallocate(mach_port_t t, vm_address_t a, vm_size_t s) { (void) t; (void) a; (void) s; return KERN_SUCCESS; }
__attribute__((weak)) kern_return_t mach_port_deallocate(mach_port_t t, mach_port_name_t n) { (void) t; (void) n; return KERN_SUCCESS; }

/* walks GNU Mach typed-message items: a type word (or long form), then inline data or an OOL pointer */
static void dump_message(const char *tag, const void *msg, size_t size) {
  const unsigned char *b = msg;
  printf("%s %s", tag, routine);
  if (size < sizeof(mach_msg_header_t)) { hex(b, size); printf(" <short>\n"); return; }
  hex(b, sizeof(mach_msg_header_t));
  size_t off = sizeof(mach_msg_header_t);
  while (off + 4 <= size) {
    uint32_t w; memcpy(&w, b + off, 4);
    int longform = (w >> 29) & 1, is_inline = (w >> 28) & 1;
    uint32_t name = w & 0xff, bits = (w >> 8) & 0xff, number = (w >> 16) & 0xfff;
    size_t head = 4;
    if (longform) {
      if (off + 12 > size) break;
      uint16_t n16, s16; memcpy(&n16, b + off + 4, 2); memcpy(&s16, b + off + 6, 2); memcpy(&number, b + off + 8, 4);
      name = n16; bits = s16; head = 12;
    }
    (void) name;
    printf(" |"); hex(b + off, head);
    off += head;
    uint64_t bytes = ((uint64_t) number * bits + 7) / 8;
    if (!is_inline) {
      if (off + 8 > size) break;
      const unsigned char *ool; memcpy(&ool, b + off, 8);
      printf(" <ool>");
      if (ool && bytes <= H_POOL_BYTES) { printf("["); hex(ool, bytes); printf("]"); }
      off += 8;
    } else {
      uint64_t padded = (bytes + 3) & ~(uint64_t) 3;
      if (off + padded > size) break;
      hex(b + off, padded);
      off += padded;
    }
  }
  if (off < size) { printf(" <unparsed>"); hex(b + off, size - off); }
  printf("\n");
}

static mach_msg_type_name_t right_of(mach_msg_type_name_t disposition) {
  switch (disposition) {
    case MACH_MSG_TYPE_MOVE_SEND: case MACH_MSG_TYPE_COPY_SEND: case MACH_MSG_TYPE_MAKE_SEND: return MACH_MSG_TYPE_PORT_SEND;
    case MACH_MSG_TYPE_MOVE_SEND_ONCE: case MACH_MSG_TYPE_MAKE_SEND_ONCE: return MACH_MSG_TYPE_PORT_SEND_ONCE;
    default: return disposition;
  }
}

/* the kernel's copyin/copyout of port rights in the body: each port item's disposition becomes the
   right the receiver gets; names are left as they are (there is one address space) */
static void translate_body(mach_msg_header_t *msg) {
  unsigned char *b = (unsigned char *) msg;
  size_t size = msg->msgh_size, off = sizeof(mach_msg_header_t);
  while (off + 4 <= size) {
    uint32_t w; memcpy(&w, b + off, 4);
    int longform = (w >> 29) & 1, is_inline = (w >> 28) & 1;
    uint32_t name = w & 0xff, bits = (w >> 8) & 0xff, number = (w >> 16) & 0xfff;
    size_t head = 4;
    if (longform) {
      if (off + 12 > size) return;
      uint16_t n16, s16; memcpy(&n16, b + off + 4, 2); memcpy(&s16, b + off + 6, 2); memcpy(&number, b + off + 8, 4);
      name = n16; bits = s16; head = 12;
    }
    if (MACH_MSG_TYPE_PORT_ANY(name)) {
      uint32_t right = right_of(name);
      if (longform) { uint16_t r16 = (uint16_t) right; memcpy(b + off + 4, &r16, 2); }
      else { w = (w & ~0xffu) | right; memcpy(b + off, &w, 4); }
    }
    off += head;
    uint64_t bytes = ((uint64_t) number * bits + 7) / 8;
    off += is_inline ? (size_t) ((bytes + 3) & ~(uint64_t) 3) : 8;
  }
}

/* the kernel's view on receive: ports swapped, dispositions become rights */
static void deliver_header(mach_msg_header_t *to, const mach_msg_header_t *from) {
  to->msgh_remote_port = from->msgh_local_port;
  to->msgh_local_port = from->msgh_remote_port;
  to->msgh_bits = MACH_MSGH_BITS(right_of(MACH_MSGH_BITS_LOCAL(from->msgh_bits)), right_of(MACH_MSGH_BITS_REMOTE(from->msgh_bits)))
                  | (from->msgh_bits & MACH_MSGH_BITS_COMPLEX);
}

static union { mach_msg_header_t h; unsigned char b[MSG_BYTES]; } in, out;

static mach_msg_return_t deliver(mach_msg_header_t *msg, mach_msg_size_t send_size, int receive, mach_msg_size_t rcv_size) {
  if (send_size != msg->msgh_size) { fail("send size differs from msgh_size", ""); return MACH_SEND_MSG_TOO_SMALL; }
  dump_message("REQ", msg, send_size);
  memset(&in, 0, sizeof in);
  memcpy(&in, msg, send_size);
  deliver_header(&in.h, msg);
  translate_body(&in.h);
  if (nrequests < MAX_REQUESTS) {
    requests[nrequests].routine = routine;
    requests[nrequests].len = send_size;
    requests[nrequests].bytes = malloc(send_size);
    memcpy(requests[nrequests].bytes, &in, send_size);
    nrequests++;
  }
  memset(&out, 0, sizeof out);
  boolean_t handled = h_demux(&in.h, &out.h);
  if (!handled) printf("DEMUX %s refused\n", routine);
  dump_message("REP", &out, out.h.msgh_size < MSG_BYTES ? out.h.msgh_size : MSG_BYTES);
  if (!receive) return MACH_MSG_SUCCESS;
  if (out.h.msgh_size > rcv_size) return MACH_RCV_TOO_LARGE;
  mach_msg_header_t reply = out.h;
  memcpy(msg, &out, out.h.msgh_size);
  deliver_header(msg, &reply);
  translate_body(msg);
  return MACH_MSG_SUCCESS;
}

mach_msg_return_t mach_msg(mach_msg_header_t *msg, mach_msg_option_t option, mach_msg_size_t send_size,
                           mach_msg_size_t rcv_size, mach_port_name_t rcv_name, mach_msg_timeout_t timeout,
                           mach_port_name_t notify) {
  (void) rcv_name; (void) timeout; (void) notify;
  if (!(option & MACH_SEND_MSG)) { fail("receive without send", ""); return MACH_RCV_INVALID_NAME; }
  return deliver(msg, send_size, (option & MACH_RCV_MSG) != 0, rcv_size);
}

mach_msg_return_t mach_msg_send_from_kernel(mach_msg_header_t *msg, mach_msg_size_t send_size) {
  return deliver(msg, send_size, 0, 0);
}

mach_msg_return_t mach_msg_rpc_from_kernel(mach_msg_header_t *msg, mach_msg_size_t send_size, mach_msg_size_t rcv_size) {
  return deliver(msg, send_size, 1, rcv_size);
}

static void mutate(int i, const char *kind) {
  memset(&in, 0, sizeof in);
  memcpy(&in, requests[i].bytes, requests[i].len);
  if (!strcmp(kind, "size")) in.h.msgh_size -= 4;
  else if (!strcmp(kind, "descriptor")) { if (requests[i].len >= 36) in.b[32] ^= 0x01; else return; }
  else if (!strcmp(kind, "complex")) in.h.msgh_bits ^= MACH_MSGH_BITS_COMPLEX;
  else if (!strcmp(kind, "id")) in.h.msgh_id += 10000;
  memset(&out, 0, sizeof out);
  boolean_t handled = h_demux(&in.h, &out.h);
  printf("MUT %s %s demux=%d retcode=%d\n", requests[i].routine, kind, handled ? 1 : 0, ((mig_reply_header_t *) &out)->RetCode);
}

int main(void) {
  setvbuf(stdout, NULL, _IOFBF, 1 << 20);
  printf("SUBSYSTEM %s\n", h_subsystem);
  h_run_all();
  int normal_failures = failures;
  mutating = 1;
  routine = "(mutation)";
  static const char *const kinds[] = {"size", "descriptor", "complex", "id"};
  for (int i = 0; i < nrequests; i++)
    for (unsigned k = 0; k < sizeof kinds / sizeof kinds[0]; k++) mutate(i, kinds[k]);
  printf("SUMMARY checks=%d failures=%d\n", checks, normal_failures);
  return normal_failures != 0;
}
