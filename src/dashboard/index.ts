// The dashboard part's door: the newsroom's front page, composed from the parts below it.
export { loadDashboard, type Dashboard, type DashboardItem } from './dashboard-data.js'
