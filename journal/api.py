"""API serialisers: authors as the public sees them (never their email)."""

from rest_framework import serializers


class AuthorshipSerializer(serializers.Serializer):
    name = serializers.CharField(source="person.display_name")
    name_en = serializers.CharField(source="person.name_en")
    affiliation = serializers.CharField(source="person.affiliation")
    affiliation_en = serializers.CharField(source="person.affiliation_en")
    orcid = serializers.CharField(source="person.orcid")
    corresponding = serializers.BooleanField(source="is_corresponding")
