/**
 * Given names the people-names list lacks, among those most often given to children born in the UK,
 * Ireland, Australia and Canada this century: "Isla", "Freya", "Alfie", "Liam", "Niamh", "Rhys"
 * (a patient's name the list lacked was missed wherever the guard needs a listed name, as after "baby",
 * and the search took it for a misspelling: "Carys" for "cares"). Part of the `names` list (word-lists.ts).
 * Irish names are spelt without their accents, as the lookup also reads them. No word here is one
 * English mostly writes in lower case, or a place (not "Mali", "Sienna", "Aria"); "poppy", a flower
 * too, is among the guard's names that count only when capitalised (AMBIGUOUS_NAMES).
 */
export const GIVEN_NAMES: readonly string[] = `
  isla freya poppy esme arabella imogen orla maeve ayla myla elodie ottilie amelie emmeline zainab
  aaliyah inaya hafsa khadija alfie arlo albie jaxon zayn rian tadhg cillian fionn oisin conor liam
  senan cian daithi odhran ruairi eoin donnacha cathal ciaran paidi fiachra niall aodhan darach fiadh
  eabha aoife saoirse caoimhe roisin niamh clodagh orlaith siofra aisling sinead aoibheann meabh
  muireann ailbhe blathnaid doireann hamish ayaan zayan rayyan aarav ameera seren cerys ffion carys
  alys eira osian rhys ioan gethin iestyn macsen llew elis eilidh ailsa ruaridh callum euan
`
  .trim()
  .split(/\s+/);
