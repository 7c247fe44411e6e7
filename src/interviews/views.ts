// The interviews part's second door: the views other parts render (the documentary page and a
// person's page list their interviews). Kept apart from index.ts so that importing the part's
// data loads no page code.
export { InterviewList, type InterviewListProps } from './views/interview-list.js'
