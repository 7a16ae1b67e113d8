# Copies uPlot's browser build (script, stylesheet, licence) from node_modules into the page
# (cmake -P script). -DSOURCE=node_modules/uplot -DDEST=dist/vendor -DLOCKFILE=package-lock.json
if(NOT EXISTS "${SOURCE}/dist/uPlot.iife.min.js" OR NOT EXISTS "${SOURCE}/package.json")
  message(FATAL_ERROR "gradtape page: ${SOURCE} is missing. The page vendors uPlot from "
    "node_modules: run npm ci in the repository root, then build again.")
endif()
file(READ "${LOCKFILE}" lock)
string(JSON locked ERROR_VARIABLE lock_error GET "${lock}" packages node_modules/uplot version)
file(READ "${SOURCE}/package.json" manifest)
string(JSON installed GET "${manifest}" version)
if(NOT lock_error AND NOT locked STREQUAL installed)
  message(FATAL_ERROR "gradtape page: node_modules has uplot ${installed} but package-lock.json "
    "pins ${locked}: run npm ci in the repository root, then build again.")
endif()
file(MAKE_DIRECTORY "${DEST}")
set(copies "dist/uPlot.iife.min.js=uPlot.iife.min.js" "dist/uPlot.min.css=uPlot.min.css" "LICENSE=uPlot.LICENSE")
foreach(copy ${copies})
  string(REPLACE "=" ";" pair "${copy}")
  list(GET pair 0 from)
  list(GET pair 1 to)
  file(COPY_FILE "${SOURCE}/${from}" "${DEST}/${to}" ONLY_IF_DIFFERENT)
  # Touched, so that the build sees it as newer than the lockfile even when unchanged.
  file(TOUCH "${DEST}/${to}")
endforeach()
