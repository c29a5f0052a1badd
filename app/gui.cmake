add_library(gs_gui INTERFACE)
