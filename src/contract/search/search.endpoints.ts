import { endpoint } from '../endpoint.ts';
import { searchPage, searchQuery } from './search.schemas.ts';

export const searchApi = {
  search: endpoint({
    method: 'GET',
    path: '/api/search',
    access: { permission: 'customers.read' },
    tags: ['search'],
    summary:
      'Find persons and organisations by name (typo-tolerant), identity code, business ID, email or phone',
    query: searchQuery,
    status: 200,
    response: searchPage,
    errors: [],
  }),
};
