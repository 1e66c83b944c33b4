import { batchDestinations } from './destination-registry'
import { streamingDestinations } from './streaming-destinations'

/** Every destination of the catalog, in the order the catalog lists them. */
export const destinationCatalog = [...streamingDestinations, ...batchDestinations]

export const findDestination = (specId: string) => destinationCatalog.find((d) => d.id === specId)
