export const zoneRecordsetsPath = (zoneId: string) => `v2/zones/${zoneId}/recordsets`;
export const zoneRecordsetPath = (zoneId: string, id: string) => `v2/zones/${zoneId}/recordsets/${id}`;
export const allRecordsetsPath = () => 'v2/recordsets';
