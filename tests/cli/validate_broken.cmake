# A broken scenario is rejected with exit code 1 and a file:line:col message.
execute_process(COMMAND ${GS} validate ${FILE} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 1)
  message(FATAL_ERROR "expected exit code 1, got ${rc}:\n${out}\n${err}")
endif()
if(NOT err MATCHES "unknown_object.json:[0-9]+:[0-9]+: /script/[0-9]+/to: unknown object")
  message(FATAL_ERROR "message lacks file:line:col and pointer:\n${err}")
endif()
