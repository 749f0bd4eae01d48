// The counting rule of the filters, in one sentence: the filters panel states it above the
// programmes and the « À propos » page repeats it; both import it from here.

/** When a zone counts for a programme, in one French sentence. */
export const COUNTING_RULE =
  'Une zone compte pour un programme quand une mesure de ce programme la vise, elle, son département, sa région ou son dispositif (tous les quartiers NPNRU, tous les territoires d’accélération) ; les mesures nationales sont listées dans les fiches mais ne comptent pas.';
