/*
 * Test shim: the declarations the GNU C library provides to MIG stubs on the Hurd, so that generated
 * stubs compile on a Linux host (written for Mach_R's tests, from the Hurd's documented prototypes).
 */
#ifndef _MACH_MIG_SUPPORT_H
#define _MACH_MIG_SUPPORT_H 1

#include <mach/std_types.h>
#include <mach/message.h>
#include <string.h>

/* Copies at most LEN bytes of SRC to DST, stopping after a NUL; returns the length copied. */
extern vm_size_t mig_strncpy(char *dst, const char *src, vm_size_t len);
extern mach_port_t mig_get_reply_port(void);
extern void mig_dealloc_reply_port(mach_port_t port);
extern void mig_put_reply_port(mach_port_t port);
extern void mig_allocate(vm_address_t *addr, vm_size_t size);
extern void mig_deallocate(vm_address_t addr, vm_size_t size);

#endif /* _MACH_MIG_SUPPORT_H */
