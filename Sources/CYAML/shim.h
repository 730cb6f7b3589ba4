// libyaml's public header. If the compiler cannot find it, install the development package:
//   apt-get install libyaml-dev        (Debian, Ubuntu)
//   brew install libyaml               (macOS)
#if __has_include(<yaml.h>)
#include <yaml.h>
#else
#error "libyaml's header <yaml.h> was not found: install libyaml-dev (apt-get install libyaml-dev)"
#endif
