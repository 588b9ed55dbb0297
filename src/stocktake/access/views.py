"""Signing in and out, and the account page: Django's auth views with our GOV.UK pages.

Failed sign-ins are counted by django-axes (see settings): too many for one username from one
address and that pair is locked out for a while, whatever password comes next.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from stocktake.access.selectors import user_roles
from stocktake.access.tokens import TokenNotFoundError, token_create, token_revoke, tokens_of


class SignInForm(AuthenticationForm):
    """Django's sign-in form, with GOV.UK wording and the inputs' purpose for autofill."""

    username = forms.CharField(
        label="Username",
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "username"}),
        error_messages={"required": "Enter your username"},
    )
    password = forms.CharField(
        label="Password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Enter your password"},
    )
    error_messages = {
        "invalid_login": "Enter a correct username and password. Both are case-sensitive.",
        "inactive": "This account has been closed. Ask your administrator to open it again.",
    }


class SignInView(LoginView):
    template_name = "web/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True


sign_in = SignInView.as_view()


def sign_out(request: HttpRequest) -> HttpResponse:
    """A page with a button, since signing out changes state (a POST, which works without
    JavaScript), then the signed-out page."""
    if request.method == "POST":
        logout(request)
        return redirect("signed-out")
    if not request.user.is_authenticated:
        return redirect("signed-out")
    return render(request, "web/sign_out.html")


def signed_out(request: HttpRequest) -> HttpResponse:
    return render(request, "web/signed_out.html")


class TokenForm(forms.Form):
    name = forms.CharField(
        label="Name of the new token",
        max_length=100,
        help_text="What will use it, such as “data warehouse” or “monthly returns script”.",
        error_messages={
            "required": "Enter a name for the token",
            "max_length": "The name must be 100 characters or fewer",
        },
    )


@login_required
def account(request: HttpRequest) -> HttpResponse:
    """Who you are, your roles, and your API tokens. Making a token (a POST) shows it, once."""
    form, made = TokenForm(), None
    if request.method == "POST":
        form = TokenForm(request.POST)
        if form.is_valid():
            try:
                made = token_create(user=request.user, name=form.cleaned_data["name"])
            except ValidationError as error:
                form.add_error("name", " ".join(error.messages))
            else:
                form = TokenForm()
    context = {
        "roles": user_roles(user=request.user),
        "tokens": tokens_of(user=request.user),
        "form": form,
        "made": made,
        "notices": list(messages.get_messages(request)),
    }
    return render(request, "web/account.html", context, status=422 if form.errors else 200)


@login_required
@require_POST
def token_revoke_view(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        record = token_revoke(user=request.user, pk=pk)
    except TokenNotFoundError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"The token “{record.name}” is revoked: it opens nothing now.")
    return redirect("account")
