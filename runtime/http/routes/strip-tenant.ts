// Records as the API answers them: the tenant is the caller's own, so it is not repeated.
export const strip = <T extends { tenant: string }>(record: T): Omit<T, 'tenant'> => {
  const { tenant: _tenant, ...rest } = record;
  return rest;
};
