# Every built-in scenario passes `gopherscope validate`.
file(GLOB_RECURSE files ${DIR}/*.json)
list(FILTER files EXCLUDE REGEX "/schema/")
execute_process(COMMAND ${GS} validate ${files} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "validate failed (${rc}):\n${out}\n${err}")
endif()
list(LENGTH files n)
message(STATUS "validated ${n} scenarios")
