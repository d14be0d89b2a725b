/**
 * Deal review (extension page): the manager's deal-integrity review. `?owner=<crm user id>&severity=risk`
 * (the popup's link) opens it filtered to one owner's risky deals.
 */
import { render } from 'preact';
import '../../components/theme.css';
import '../../components/sidebar/sidebar.css';
import './review.css';
import { ReviewApp } from './ReviewApp';

render(<ReviewApp />, document.getElementById('app')!);
