-- wrk script: cycles through the requests the dashboard's pages make, so the load looks like
-- people opening Overzicht, Leerlingstromen, Thuiszitters, Voorzieningen and the Maatboek.
local paths = {
  "/api/info",
  "/api/measures",
  "/api/measures/leerlingen",
  "/api/measures/deelname",
  "/api/measures/ontwikkeling?ijkjaar=2018",
  "/api/measures/stromen",
  "/api/measures/richting",
  "/api/measures/verblijfsduur",
  "/api/measures/thuiszitters?at=2024-03-01",
  "/api/measures/thuiszitters_per_school?at=2024-03-01",
  "/api/measures/wachtlijst?at=2024-03-01",
  "/api/measures/kosten",
  "/api/notities?grafiek=overzicht-leerlingen",
}
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
