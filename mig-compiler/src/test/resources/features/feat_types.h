#ifndef FEAT_TYPES_H
#define FEAT_TYPES_H
#include <mach/std_types.h>
typedef int int32; typedef mach_port_t port; typedef mach_port_t sonce; typedef char str[32]; typedef const char *const_str;
typedef char vstr[40]; typedef const char *const_vstr; typedef int fixed[6]; typedef short short_t; typedef short_t shorts[10];
typedef vm_offset_t bytes; typedef struct { int w[300]; } big; typedef int timeout_t;
#endif
