/* The MIG support routines a C library provides to stubs (glibc's on the Hurd); declared here so
   stubs compile on Linux. harness.c defines them. */
#ifndef MACHR_MIG_SUPPORT_SHIM_H
#define MACHR_MIG_SUPPORT_SHIM_H 1
#include <mach/std_types.h>
#include <mach/message.h>
#include <string.h>
mach_port_t mig_get_reply_port(void);
void mig_dealloc_reply_port(mach_port_t);
void mig_put_reply_port(mach_port_t);
void mig_allocate(vm_address_t *, vm_size_t);
void mig_deallocate(vm_address_t, vm_size_t);
char *mig_strncpy(char *, const char *, int);
kern_return_t vm_deallocate(mach_port_t, vm_address_t, vm_size_t);
kern_return_t mach_port_deallocate(mach_port_t, mach_port_name_t);
mach_msg_return_t mach_msg_send_from_kernel(mach_msg_header_t *, mach_msg_size_t);
mach_msg_return_t mach_msg_rpc_from_kernel(mach_msg_header_t *, mach_msg_size_t, mach_msg_size_t);
#endif
