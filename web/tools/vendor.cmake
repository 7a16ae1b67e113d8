# Copies Chart.js's browser build from node_modules into the page (cmake -P script).
# -DSOURCE=node_modules/chart.js -DDEST=dist/vendor -DLOCKFILE=package-lock.json
if(NOT EXISTS "${SOURCE}/dist/chart.umd.min.js" OR NOT EXISTS "${SOURCE}/package.json")
  message(FATAL_ERROR "gradtape page: ${SOURCE} is missing. The page vendors Chart.js from "
    "node_modules: run npm ci in the repository root, then build again.")
endif()
file(READ "${LOCKFILE}" lock)
string(JSON locked ERROR_VARIABLE lock_error GET "${lock}" packages node_modules/chart.js version)
file(READ "${SOURCE}/package.json" manifest)
string(JSON installed GET "${manifest}" version)
if(NOT lock_error AND NOT locked STREQUAL installed)
  message(FATAL_ERROR "gradtape page: node_modules has chart.js ${installed} but package-lock.json "
    "pins ${locked}: run npm ci in the repository root, then build again.")
endif()
file(MAKE_DIRECTORY "${DEST}")
file(COPY_FILE "${SOURCE}/dist/chart.umd.min.js" "${DEST}/chart.umd.min.js" ONLY_IF_DIFFERENT)
file(COPY_FILE "${SOURCE}/LICENSE.md" "${DEST}/chart.js.LICENSE.md" ONLY_IF_DIFFERENT)
# Touch both, so that the build sees them as newer than the lockfile even when unchanged.
file(TOUCH "${DEST}/chart.umd.min.js" "${DEST}/chart.js.LICENSE.md")
